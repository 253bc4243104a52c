import { describe, expect, it } from '@jest/globals';
import { ExpressionInvalid } from './expression-errors.js';
import { TemplatedValue } from './templated-value.js';
import { Template } from './template.js';

const scope = { params: { epochs: 12, lr: 0.01 }, tasks: { train: { outputs: { uri: 's3://m' } } } };

describe('Template', () => {
  it('keeps the type of a lone placeholder and joins mixed text as a string', () => {
    expect(Template.parse('${{ params.epochs }}').render(scope)).toBe(12);
    expect(Template.parse('run-${{ params.epochs }}-${{ params.lr }}').render(scope)).toBe('run-12-0.01');
    expect(Template.parse('plain').render(scope)).toBe('plain');
  });

  it('refuses a placeholder that is never closed', () => {
    expect(() => Template.parse('x ${{ params.epochs')).toThrow(ExpressionInvalid);
  });
});

describe('TemplatedValue', () => {
  it('renders placeholders anywhere in a JSON value and leaves the rest alone', () => {
    const { value, problems } = TemplatedValue.parse(
      { model: '${{ tasks.train.outputs.uri }}', grid: [{ epochs: '${{ params.epochs }}' }, 3], fixed: 'x' },
      ['tasks', 0, 'params'],
    );
    expect(problems).toEqual([]);
    expect(value.render(scope)).toEqual({ model: 's3://m', grid: [{ epochs: 12 }, 3], fixed: 'x' });
    expect(value.placeholderPaths).toEqual([['model'], ['grid', 0, 'epochs']]);
    expect([...value.references.tasks]).toEqual(['train']);
  });

  it('reports every broken placeholder at its own field', () => {
    const { problems } = TemplatedValue.parse({ a: '${{ nope }}', b: ['${{ 1 + }}'] }, ['tasks', 2, 'params']);
    expect(problems.map((problem) => problem.field)).toEqual(['tasks[2].params.a', 'tasks[2].params.b[0]']);
  });
});
