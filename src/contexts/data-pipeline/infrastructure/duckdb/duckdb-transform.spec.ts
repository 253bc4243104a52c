import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableDirectory, type CellValue } from '../../../../../test/support/data-pipeline/table-files.js';
import type { TableFile } from '../../application/ports/query-engine.js';
import type { TransformOperation } from '../../domain/pipeline/pipeline-definition.js';
import { PipelineStepRefused, ReferenceTableMissing } from '../../domain/errors.js';
import { defineCheck } from '../../domain/checks/define-check.js';
import type { RowCheck } from '../../domain/checks/check.js';
import { DuckDbQueryEngine } from './duckdb-query-engine.js';

const HEADER = ['id', 'name', 'age', 'country'];
const PEOPLE: CellValue[][] = [
  [1, 'ada', 36, 'DE'],
  [2, 'bob', 17, 'FR'],
  [3, 'cyd', 52, 'XX'],
  [2, 'bob again', 18, 'FR'],
  [4, 'dee', null, 'NO'],
];

/** Every row of a written file, in its order, read by a DuckDB of the spec's own. */
async function rowsOf(path: string, format = 'parquet'): Promise<unknown[][]> {
  const reader = await DuckDBInstance.create(':memory:');
  const connection = await reader.connect();
  const scan =
    format === 'csv'
      ? `read_csv('${path}', header = true)`
      : format === 'jsonl'
        ? `read_json('${path}')`
        : `read_parquet('${path}')`;
  const rows = (await connection.runAndReadAll(`SELECT * FROM ${scan}`)).getRowsJS();
  connection.closeSync();
  reader.closeSync();
  return rows.map((row) => row.map((value) => (typeof value === 'bigint' ? Number(value) : value)));
}

describe('DuckDbQueryEngine transforms', () => {
  let directory: TableDirectory;
  let engine: DuckDbQueryEngine;
  let people: TableFile;
  let countries: TableFile;
  let written = 0;

  beforeAll(async () => {
    directory = await TableDirectory.create();
    engine = new DuckDbQueryEngine({ memoryLimit: '256MB', tempDirectory: directory.spillPath, threads: 1 });
    people = { path: await directory.csv('people.csv', HEADER, PEOPLE), format: 'csv' };
    const countriesPath = await directory.csv(
      'countries.csv',
      ['country', 'label'],
      [
        ['DE', 'Germany'],
        ['FR', 'France'],
        ['NO', 'Norway'],
      ],
    );
    countries = { path: countriesPath, format: 'csv' };
  });

  afterAll(() => directory.remove());

  async function transformed(operations: TransformOperation[], format: 'parquet' | 'csv' | 'jsonl' = 'parquet') {
    const output = { path: join(directory.path, `out-${(written += 1)}.${format}`), format };
    const table = await engine.transform({
      input: people,
      joined: new Map([['countries', countries]]),
      operations,
      output,
    });
    return { table, rows: await rowsOf(output.path, format) };
  }

  it('copies the input as it is, in its order, when there are no operations', async () => {
    const { table, rows } = await transformed([]);
    expect(table).toEqual({ rowCount: 5, columns: HEADER });
    expect(rows).toEqual(PEOPLE);
  });

  it('selects, renames and casts columns', async () => {
    const { table, rows } = await transformed([
      { op: 'select', columns: ['id', 'age'] },
      { op: 'rename', columns: { age: 'years' } },
      { op: 'cast', columns: { years: 'string' } },
    ]);
    expect(table.columns).toEqual(['id', 'years']);
    expect(rows).toEqual([
      [1, '36'],
      [2, '17'],
      [3, '52'],
      [2, '18'],
      [4, null],
    ]);
  });

  it('filters on an expression (null counts as false) and derives a column', async () => {
    const { rows } = await transformed([
      { op: 'filter', expression: 'age >= 18' },
      { op: 'derive', column: 'label', expression: "upper(name) || '-' || country" },
    ]);
    expect(rows).toEqual([
      [1, 'ada', 36, 'DE', 'ADA-DE'],
      [3, 'cyd', 52, 'XX', 'CYD-XX'],
      [2, 'bob again', 18, 'FR', 'BOB AGAIN-FR'],
    ]);
  });

  it('replaces a column a derivation names again', async () => {
    const { table, rows } = await transformed([{ op: 'derive', column: 'age', expression: 'coalesce(age, 0) + 1' }]);
    expect(table.columns).toEqual(HEADER);
    expect(rows.map((row) => row[2])).toEqual([37, 18, 53, 19, 1]);
  });

  it('keeps the first row of each key when deduplicating', async () => {
    const { rows } = await transformed([{ op: 'deduplicate', keys: ['id'] }]);
    expect(rows.map((row) => row[1])).toEqual(['ada', 'bob', 'cyd', 'dee']);
  });

  it('joins another table on keys, inner or left, keeping the input order', async () => {
    const inner = await transformed([{ op: 'join', with: 'countries', on: ['country'], how: 'inner' }]);
    expect(inner.table.columns).toEqual([...HEADER, 'label']);
    expect(inner.rows.map((row) => [row[0], row[4]])).toEqual([
      [1, 'Germany'],
      [2, 'France'],
      [2, 'France'],
      [4, 'Norway'],
    ]);
    const left = await transformed([{ op: 'join', with: 'countries', on: ['country'], how: 'left' }]);
    expect(left.rows.map((row) => row[4])).toEqual(['Germany', 'France', null, 'France', 'Norway']);
  });

  it('splits train and test into complementary parts, the same for the same seed', async () => {
    const split = (part: 'train' | 'test', seed: number) =>
      transformed([{ op: 'split', part, trainFraction: 0.6, seed }]);
    const [train, test, again] = [await split('train', 7), await split('test', 7), await split('train', 7)];
    expect(train.table.rowCount + test.table.rowCount).toBe(5);
    expect([...train.rows, ...test.rows].map((row) => row[1]).sort()).toEqual(PEOPLE.map((row) => row[1]).sort());
    expect(again.rows).toEqual(train.rows);
  });

  it('samples a seeded share of rows, the same rows for the same seed', async () => {
    const sample = async () => (await transformed([{ op: 'sample', fraction: 0.5, seed: 3 }])).rows;
    const first = await sample();
    expect(first.length).toBeLessThanOrEqual(5);
    expect(await sample()).toEqual(first);
  });

  it('writes CSV and JSON lines when asked', async () => {
    expect((await transformed([{ op: 'select', columns: ['id'] }], 'csv')).rows).toEqual([[1], [2], [3], [2], [4]]);
    expect((await transformed([{ op: 'select', columns: ['name'] }], 'jsonl')).rows[0]).toEqual(['ada']);
  });

  it('refuses an unknown column, a subquery and a file read with a step problem', async () => {
    await expect(transformed([{ op: 'select', columns: ['nope'] }])).rejects.toBeInstanceOf(PipelineStepRefused);
    await expect(transformed([{ op: 'filter', expression: 'id IN (SELECT 1)' }])).rejects.toBeInstanceOf(
      PipelineStepRefused,
    );
    await expect(
      transformed([{ op: 'derive', column: 'x', expression: "(SELECT count(*) FROM read_csv('/etc/passwd'))" }]),
    ).rejects.toBeInstanceOf(PipelineStepRefused);
    await expect(transformed([{ op: 'filter', expression: 'no_such_column > 1' }])).rejects.toBeInstanceOf(
      PipelineStepRefused,
    );
  });

  it('answers whether an expression is one safe expression', async () => {
    expect(await engine.expressionProblem('age > 3 AND name IS NOT NULL')).toBeUndefined();
    expect(await engine.expressionProblem('1) FROM data; DROP TABLE data; SELECT (1')).toBeDefined();
    expect(await engine.expressionProblem('(SELECT 1)')).toBeDefined();
  });

  it('partitions the rows failing checks from the clean ones, each in the input order', async () => {
    const checks = [
      defineCheck({ name: 'adult', kind: 'between', column: 'age', min: 18 }),
      defineCheck({ name: 'known country', kind: 'accepted_values', column: 'country', values: ['DE', 'FR', 'NO'] }),
      defineCheck({ name: 'id unique', kind: 'unique', columns: ['id'] }),
    ] as RowCheck[];
    const clean = { path: join(directory.path, 'clean.parquet'), format: 'parquet' as const };
    const quarantine = { path: join(directory.path, 'quarantine.csv'), format: 'csv' as const };
    const counts = await engine.partition({ table: people, checks, references: new Map(), clean, quarantine });
    expect(counts).toEqual({ clean: 2, quarantined: 3 });
    expect((await rowsOf(clean.path)).map((row) => row[1])).toEqual(['ada', 'dee']);
    expect((await rowsOf(quarantine.path, 'csv')).map((row) => row[1])).toEqual(['bob', 'cyd', 'bob again']);
  });

  it('refuses the column name it keeps for row positions, and a join naming a table it was not given', async () => {
    await expect(
      transformed([{ op: 'derive', column: '__pipeline_row_position', expression: '1' }]),
    ).rejects.toBeInstanceOf(PipelineStepRefused);
    await expect(
      transformed([{ op: 'join', with: 'elsewhere', on: ['country'], how: 'inner' }]),
    ).rejects.toBeInstanceOf(PipelineStepRefused);
  });

  it('sets aside rows whose key has no match in a reference, and refuses a reference it was not given', async () => {
    const check = defineCheck({
      name: 'country known',
      kind: 'relationships',
      columns: ['country'],
      reference: 'countries',
      referenceColumns: ['country'],
    }) as RowCheck;
    const clean = { path: join(directory.path, 'related-clean.parquet'), format: 'parquet' as const };
    const quarantine = { path: join(directory.path, 'related-quarantine.parquet'), format: 'parquet' as const };
    const references = new Map([['countries', countries]]);

    expect(await engine.partition({ table: people, checks: [check], references, clean, quarantine })).toEqual({
      clean: 4,
      quarantined: 1,
    });
    expect((await rowsOf(quarantine.path)).map((row) => row[1])).toEqual(['cyd']);
    await expect(
      engine.partition({ table: people, checks: [check], references: new Map(), clean, quarantine }),
    ).rejects.toBeInstanceOf(ReferenceTableMissing);
  });
});
