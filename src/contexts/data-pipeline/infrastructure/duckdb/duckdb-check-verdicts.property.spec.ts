import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { referenceVerdict } from '../../../../../test/support/data-pipeline/reference-checks.js';
import { TableDirectory, type TableRow } from '../../../../../test/support/data-pipeline/table-files.js';
import type { TableFile } from '../../application/ports/query-engine.js';
import type { CheckInput } from '../../domain/checks/check-input.js';
import { CheckSuite } from '../../domain/checks/check-suite.js';
import type { ColumnDefinition } from '../../domain/schema/dataset-schema.js';
import { DuckDbQueryEngine } from './duckdb-query-engine.js';

const COLUMNS: readonly ColumnDefinition[] = [
  { name: 'id', type: 'integer', nullable: false },
  { name: 'n', type: 'integer', nullable: true },
  { name: 'x', type: 'float', nullable: true },
  { name: 's', type: 'string', nullable: true },
  { name: 'k', type: 'integer', nullable: true },
];
const NUMERIC = ['n', 'x', 'k'];
const ALL = ['n', 'x', 's', 'k'];
const PATTERNS = ['a*', '[ab]+', '(a|bc)*', 'b?c*', ".'?"];

/** Few distinct values, so duplicates, ties and boundary hits are common; quotes in strings test literal quoting. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', "'", '"'), maxLength: 3 });
const quarter = fc.integer({ min: -8, max: 8 }).map((value) => value / 4);
const row = fc.record({
  n: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  x: fc.option(quarter, { nil: null }),
  s: fc.option(text, { nil: null }),
  k: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});
/** Ids follow a permutation, not file order, so ordering keys is tested too. */
const table = fc
  .array(row, { maxLength: 25 })
  .map((rows): TableRow[] => rows.map((cells, index) => ({ id: ((index * 37) % 101) + 1, ...cells })));

const threshold = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 3 }).map((rows) => `> ${rows} rows`),
  fc.constantFrom('> 0.5%', '> 5%', '> 10%', '> 25.5%', '> 50%'),
);
const graded = fc.record({ severity: fc.constantFrom('warn' as const, 'error' as const), threshold });
const bounds = fc
  .tuple(fc.option(quarter, { nil: undefined }), fc.option(quarter, { nil: undefined }))
  .map(([min, max]) =>
    min === undefined && max === undefined
      ? { min: 0 }
      : { min: Math.min(min ?? -Infinity, max ?? Infinity), max: Math.max(min ?? -Infinity, max ?? Infinity) },
  )
  .map(({ min, max }) => ({
    ...(Number.isFinite(min) ? { min } : {}),
    ...(max !== undefined && Number.isFinite(max) ? { max } : {}),
  }));

const check: fc.Arbitrary<CheckInput> = fc
  .oneof(
    fc.record({ kind: fc.constant('not_null' as const), column: fc.constantFrom(...ALL) }),
    fc.record({ kind: fc.constant('unique' as const), columns: fc.shuffledSubarray(ALL, { minLength: 1 }) }),
    fc
      .oneof(
        fc.record({
          column: fc.constantFrom('n', 'k'),
          values: fc.uniqueArray(fc.integer({ min: -3, max: 5 }), { minLength: 1, maxLength: 4 }),
        }),
        fc.record({ column: fc.constant('s'), values: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }) }),
      )
      .map((values) => ({ kind: 'accepted_values' as const, ...values })),
    fc
      .record({ column: fc.constantFrom('n', 'x'), bounds })
      .map(({ column, bounds: range }) => ({ kind: 'between' as const, column, ...range })),
    fc.record({ kind: fc.constant('regex' as const), column: fc.constant('s'), pattern: fc.constantFrom(...PATTERNS) }),
    fc.constant({ kind: 'relationships' as const, columns: ['k'], reference: 'keys', referenceColumns: ['id'] }),
    fc
      .tuple(fc.constantFrom(...NUMERIC), fc.constantFrom('<', '<=', '>', '='), fc.constantFrom(...NUMERIC))
      .map(([left, op, right]) => ({ kind: 'custom_sql' as const, expression: `"${left}" ${op} "${right}"` })),
  )
  .chain((shape) => graded.map((grade): CheckInput => ({ name: '', ...shape, ...grade })));

const rowCount = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
  .map(([a, b]): CheckInput => ({ name: '', kind: 'row_count_between', min: Math.min(a, b), max: Math.max(a, b) }));

describe('compiled checks against the TypeScript reference', () => {
  let directory: TableDirectory;
  let engine: DuckDbQueryEngine;
  let fileNumber = 0;

  beforeAll(async () => {
    directory = await TableDirectory.create();
    engine = new DuckDbQueryEngine({ memoryLimit: '128MB', tempDirectory: directory.spillPath, threads: 1 });
  });

  afterAll(async () => {
    await directory.remove();
  });

  it('gives each check the reference verdict: status, observed value, failing keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.subarray([0, 1, 2, 3, 4, 5]),
        fc.array(fc.oneof({ weight: 6, arbitrary: check }, { weight: 1, arbitrary: rowCount }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 5 }),
        async (rows, keyIds, drawn, failingKeyLimit) => {
          fileNumber += 1;
          const checks = drawn.map((input, index) => ({ ...input, name: `check ${index}` }));
          const file: TableFile = {
            path: await directory.jsonl(`table-${fileNumber}.jsonl`, rows),
            format: 'jsonl',
            columns: COLUMNS,
          };
          const keys = keyIds.map((id) => ({ id }));
          const referenceFile: TableFile = {
            path: await directory.jsonl(`keys-${fileNumber}.jsonl`, keys),
            format: 'jsonl',
            columns: [{ name: 'id', type: 'integer', nullable: false }],
          };
          const suite = CheckSuite.of({ checks, failingKeyLimit });
          const results = await engine.runSuite({
            table: file,
            primaryKey: ['id'],
            suite,
            references: new Map([['keys', referenceFile]]),
            at: new Date(),
          });
          const tables = { rows, key: 'id', references: new Map([['keys', keys]]), failingKeyLimit };
          for (const [index, compiled] of suite.checks.entries()) {
            const expected = referenceVerdict(compiled, tables);
            const result = results[index];
            expect({
              check: compiled,
              status: result.status,
              observedValue: result.observedValue,
              failingTotal: result.failingRows?.total,
              failingKeys: result.failingRows?.keys,
            }).toEqual({ check: compiled, ...expected });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
