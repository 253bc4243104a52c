import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ExpressionEvaluationFailed, ExpressionInvalid } from './expression-errors.js';
import { Expression } from './expression.js';

const scope = {
  params: { epochs: 10, name: 'resnet', tags: ['a', 'b'], nested: { depth: 2 } },
  tasks: { train: { outputs: { modelUri: 's3://m/1', accuracy: 0.93 } }, 'split-data': { outputs: { rows: 4 } } },
  item: { shard: 3 },
};
const evaluate = (source: string): unknown => Expression.parse(source).evaluate(scope);

describe('Expression', () => {
  it('reads params, upstream outputs, hyphenated task ids and the fan-out item', () => {
    expect(evaluate('params.epochs')).toBe(10);
    expect(evaluate('tasks.train.outputs.modelUri')).toBe('s3://m/1');
    expect(evaluate('tasks.split-data.outputs.rows')).toBe(4);
    expect(evaluate("tasks['split-data'].outputs.rows")).toBe(4);
    expect(evaluate('item.shard')).toBe(3);
    expect(evaluate('params.tags[1]')).toBe('b');
  });

  it('reads a missing property, index or root as null', () => {
    expect(evaluate('params.missing')).toBeNull();
    expect(evaluate('params.missing.deeper')).toBeNull();
    expect(evaluate('params.tags[7]')).toBeNull();
    expect(Expression.parse('trigger.payload').evaluate({})).toBeNull();
  });

  it('follows operator precedence and short-circuits || and &&', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('params.epochs > 5 && tasks.train.outputs.accuracy >= 0.9')).toBe(true);
    expect(evaluate("params.missing || 'fallback'")).toBe('fallback');
    expect(evaluate('!params.missing')).toBe(true);
    expect(evaluate('-params.epochs % 3')).toBe(-1);
    expect(evaluate("'model-' + params.epochs")).toBe('model-10');
  });

  it('compares structurally with == and checks operand types elsewhere', () => {
    expect(evaluate("params.tags == ['a', 'b']")).toBe(true);
    expect(evaluate("params.epochs == '10'")).toBe(false);
    expect(evaluate("'b' < 'c'")).toBe(true);
    expect(() => evaluate("params.epochs < 'x'")).toThrow(ExpressionEvaluationFailed);
    expect(() => evaluate('params.epochs / 0')).toThrow(ExpressionEvaluationFailed);
    expect(() => evaluate('params.tags * 2')).toThrow(ExpressionEvaluationFailed);
  });

  it('offers a few functions', () => {
    expect(evaluate('length(params.tags)')).toBe(2);
    expect(evaluate("contains(params.tags, 'b')")).toBe(true);
    expect(evaluate("startsWith(tasks.train.outputs.modelUri, 's3://')")).toBe(true);
    expect(evaluate("join(params.tags, '+')")).toBe('a+b');
    expect(evaluate('toJSON(params.nested)')).toBe('{"depth":2}');
    expect(() => Expression.parse('length(1, 2)')).toThrow(ExpressionInvalid);
    expect(() => Expression.parse('eval(1)')).toThrow(ExpressionInvalid);
  });

  it('never reaches the prototype machinery', () => {
    expect(() => Expression.parse('params.constructor')).toThrow(ExpressionInvalid);
    expect(() => Expression.parse('params.__proto__')).toThrow(ExpressionInvalid);
    expect(() => evaluate("params['__proto__']")).toThrow(ExpressionEvaluationFailed);
    expect(() => evaluate("params['con' + 'structor']")).toThrow(ExpressionEvaluationFailed);
    expect(evaluate("params['toString']")).toBeNull();
    expect(evaluate("params.tags['length']")).toBeNull();
  });

  it('refuses unknown names, dangling syntax and hostile sizes', () => {
    for (const source of [
      'process.env',
      'params.',
      '1 +',
      '(1',
      'params.x params.y',
      '',
      "'open",
      'a = 1',
      '1 ? 2 : 3',
    ]) {
      expect(() => Expression.parse(source)).toThrow(ExpressionInvalid);
    }
    expect(() => Expression.parse('('.repeat(40) + '1' + ')'.repeat(40))).toThrow(/nests deeper/);
    expect(() => Expression.parse('1+'.repeat(1500) + '1')).toThrow(/longer than/);
  });

  it('lists the tasks and params it reads, and whether it reads the item', () => {
    const expression = Expression.parse("tasks.train.outputs.x + tasks['eval'].outputs.y + params.lr + item");
    expect([...expression.references.tasks].sort()).toEqual(['eval', 'train']);
    expect([...expression.references.params]).toEqual(['lr']);
    expect(expression.references.usesItem).toBe(true);
    expect(() => Expression.parse('tasks[params.which].outputs')).toThrow(/task id/);
    expect(() => Expression.parse('length(tasks)')).toThrow(/task id/);
  });

  it('accepts a field written bare or wrapped in one placeholder', () => {
    expect(Expression.parseField('${{ params.epochs > 3 }}').evaluate(scope)).toBe(true);
    expect(Expression.parseField('params.epochs > 30').evaluate(scope)).toBe(false);
  });

  it('either parses any text or refuses it with ExpressionInvalid', () => {
    const alphabet = fc.constantFrom(...'params.tasks[0]()\'"!=<>&|+-*/%, item 1x_'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (source) => {
        try {
          Expression.parse(source);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionInvalid);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
