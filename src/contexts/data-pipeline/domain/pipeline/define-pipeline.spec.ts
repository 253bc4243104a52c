import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import fc from 'fast-check';
import { definePipeline } from './define-pipeline.js';

const VERSION = '0190d7a8-0000-7000-8000-0000000000f1';
const extract = { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: VERSION } };
const load = (input: string) => ({ name: 'store', kind: 'load', input, dataset: 'clean' });

function problemsOf(input: unknown): { field: string; message: string }[] {
  try {
    definePipeline(input);
  } catch (error) {
    if (error instanceof ValidationError) return [...(error.errors ?? [])];
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('definePipeline', () => {
  it('accepts the four kinds of step, with a load in Parquet, no key and seed 0 when not given', () => {
    const definition = definePipeline({
      steps: [
        extract,
        {
          name: 'split',
          kind: 'transform',
          input: 'raw',
          operations: [
            { op: 'rename', columns: { a: 'b' } },
            { op: 'cast', columns: { b: 'integer' } },
            { op: 'split', part: 'test', trainFraction: 0.8 },
          ],
        },
        { name: 'checked', kind: 'validate', input: 'split', suite: { checks: [] } },
        load('checked'),
      ],
    });
    expect(definition.steps[1]).toMatchObject({
      operations: [{ op: 'rename' }, { op: 'cast' }, { op: 'split', part: 'test', trainFraction: 0.8, seed: 0 }],
    });
    expect(definition.steps[2]).toEqual({
      name: 'checked',
      kind: 'validate',
      input: 'split',
      suite: { checks: [] },
      key: [],
    });
    expect(definition.steps[3]).toMatchObject({ format: 'parquet', dataset: 'clean' });
  });

  it('takes a snapshot query of a table source as an extract, judged as the snapshot route judges it', () => {
    const fromSource = (query: string) => ({
      steps: [{ name: 'crm', kind: 'extract', source: { kind: 'table-source', source: 'crm', query } }, load('crm')],
    });

    expect(definePipeline(fromSource('SELECT id FROM customers;')).steps[0]).toEqual({
      name: 'crm',
      kind: 'extract',
      source: { kind: 'table-source', source: 'crm', query: 'SELECT id FROM customers' },
    });
    expect(problemsOf(fromSource('SELECT 1; DELETE FROM customers'))).toEqual([
      { field: 'steps[0].source.query', message: 'holds more than one statement' },
    ]);
    expect(problemsOf(fromSource('UPDATE customers SET name = NULL')).map((problem) => problem.field)).toEqual([
      'steps[0].source.query',
    ]);
  });

  it('names every problem of the steps by its path, not only the first', () => {
    expect(
      problemsOf({
        steps: [
          { name: '1bad', kind: 'extract', source: { kind: 'object', objectKey: 'k' } },
          {
            name: 'ops',
            kind: 'transform',
            input: 'x',
            operations: [{ op: 'sample', fraction: 1 }, { op: 'select', columns: ['a', 'a'] }, { op: 'explode' }],
          },
          { name: 'v', kind: 'validate', input: 'ops', suite: {}, quarantine: {} },
        ],
      }).map((problem) => problem.field),
    ).toEqual([
      'steps[0].name',
      'steps[0].source.format',
      'steps[1].operations[0].fraction',
      'steps[1].operations[1].columns',
      'steps[1].operations[2].op',
      'steps[2].suite.checks',
      'steps[2].quarantine.dataset',
    ]);
  });

  it('refuses a step reading a later or unknown step, a load, a repeated name, and a definition without a load', () => {
    expect(
      problemsOf({
        steps: [
          { ...extract },
          { name: 't', kind: 'transform', input: 'later', operations: [] },
          { name: 'later', kind: 'transform', input: 'raw', operations: [{ op: 'join', with: 'nowhere', on: ['id'] }] },
          { ...extract },
        ],
      }),
    ).toEqual([
      { field: 'steps[1]', message: 'reads later, which is not an earlier step' },
      { field: 'steps[2]', message: 'reads nowhere, which is not an earlier step' },
      { field: 'steps[3].name', message: 'names step raw a second time' },
      { field: 'steps', message: 'must include at least one load step' },
    ]);
    expect(problemsOf({ steps: [extract, load('raw'), { ...load('store'), name: 'again' }] })).toEqual([
      { field: 'steps[2]', message: 'reads store, a load step, which has no output to read' },
    ]);
  });

  it('answers a definition or a ValidationError naming steps fields, whatever JSON a client sends', () => {
    const step = fc.record(
      {
        name: fc.oneof(fc.constantFrom('raw', 'a', 'b'), fc.jsonValue()),
        kind: fc.oneof(fc.constantFrom('extract', 'transform', 'validate', 'load'), fc.jsonValue()),
        input: fc.oneof(fc.constantFrom('raw', 'a'), fc.jsonValue()),
        source: fc.oneof(fc.constant({ kind: 'dataset-version', versionId: VERSION }), fc.jsonValue()),
        operations: fc.oneof(
          fc.array(fc.dictionary(fc.constantFrom('op', 'columns', 'fraction', 'with'), fc.jsonValue())),
          fc.jsonValue(),
        ),
        suite: fc.jsonValue(),
        dataset: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ steps: fc.array(step, { maxLength: 5 }) }), fc.jsonValue()), (input) => {
        try {
          definePipeline(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          for (const problem of (error as ValidationError).errors ?? [])
            expect(problem.field).toMatch(/^(definition|steps(\[\d+\].*)?)$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
