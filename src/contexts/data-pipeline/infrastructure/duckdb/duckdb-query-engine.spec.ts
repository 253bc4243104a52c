import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableDirectory } from '../../../../../test/support/data-pipeline/table-files.js';
import type { TableFile } from '../../application/ports/query-engine.js';
import type { CheckInput } from '../../domain/checks/check-input.js';
import type { CheckResult } from '../../domain/checks/check-result.js';
import { CheckSuite } from '../../domain/checks/check-suite.js';
import { ReferenceTableMissing, TableUnreadable } from '../../domain/errors.js';
import { DuckDbQueryEngine } from './duckdb-query-engine.js';

const AT = new Date('2026-12-01T12:00:00Z');
const HEADER = ['id', 'email', 'category', 'amount', 'customer_id', 'created_at'];
/** Planted: a null email (3), a duplicate id (4 twice), an out-of-range amount (5), a bad category (6), an orphan customer (7), a malformed email (8). */
const ORDERS = [
  [1, 'a@example.com', 'books', 10, 100, '2026-12-01 10:00:00'],
  [2, 'b@example.com', 'games', 20, 101, '2026-12-01 11:00:00'],
  [3, null, 'books', 30, 100, '2026-11-30 09:00:00'],
  [4, 'd@example.com', 'games', 40, 101, '2026-11-30 08:00:00'],
  [4, 'e@example.com', 'books', 50, 100, '2026-11-29 08:00:00'],
  [5, 'f@example.com', 'books', 5000, 101, '2026-11-29 07:00:00'],
  [6, 'g@example.com', 'toys', 60, 100, '2026-11-28 06:00:00'],
  [7, 'h@example.com', 'games', 70, 999, '2026-11-28 05:00:00'],
  [8, 'not-an-email', 'books', 80, 100, '2026-11-28 04:00:00'],
];

/** Parquet as another writer would leave it: written by a DuckDB of the spec's own. */
async function parquetCopy(csvPath: string, directoryPath: string): Promise<string> {
  const path = join(directoryPath, 'orders.parquet');
  const writer = await DuckDBInstance.create(':memory:');
  const connection = await writer.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${csvPath}', header = true)) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  writer.closeSync();
  return path;
}

describe('DuckDbQueryEngine', () => {
  let directory: TableDirectory;
  let engine: DuckDbQueryEngine;
  let orders: TableFile;
  let customers: TableFile;

  beforeAll(async () => {
    directory = await TableDirectory.create();
    engine = new DuckDbQueryEngine({ memoryLimit: '256MB', tempDirectory: directory.spillPath, threads: 1 });
    orders = { path: await directory.csv('orders.csv', HEADER, ORDERS), format: 'csv' };
    customers = {
      path: await directory.csv(
        'customers.csv',
        ['id', 'name'],
        [
          [100, 'Ada'],
          [101, 'Grace'],
        ],
      ),
      format: 'csv',
    };
  });

  afterAll(async () => {
    await directory.remove();
  });

  async function run(
    checks: CheckInput[],
    options: { table?: TableFile; primaryKey?: string[]; limit?: number } = {},
  ): Promise<CheckResult[]> {
    const results = await engine.runSuite({
      table: options.table ?? orders,
      primaryKey: options.primaryKey ?? ['id'],
      suite: CheckSuite.of({ checks, failingKeyLimit: options.limit }),
      references: new Map([['customers', customers]]),
      at: AT,
    });
    return [...results];
  }

  it('names the exact keys of each planted defect', async () => {
    const results = await run([
      { name: 'email present', kind: 'not_null', column: 'email' },
      { name: 'id unique', kind: 'unique', columns: ['id'] },
      { name: 'amount in range', kind: 'between', column: 'amount', min: 0, max: 1000 },
      { name: 'known category', kind: 'accepted_values', column: 'category', values: ['books', 'games'] },
      {
        name: 'customer exists',
        kind: 'relationships',
        columns: ['customer_id'],
        reference: 'customers',
        referenceColumns: ['id'],
      },
      { name: 'email shape', kind: 'regex', column: 'email', pattern: '[^@]+@[^@]+' },
    ]);
    expect(
      results.map((result) => [result.check, result.status, result.observedValue, result.failingRows?.keys]),
    ).toEqual([
      ['email present', 'fail', 1, [[3]]],
      ['id unique', 'fail', 2, [[4], [4]]],
      ['amount in range', 'fail', 1, [[5]]],
      ['known category', 'fail', 1, [[6]]],
      ['customer exists', 'fail', 1, [[7]]],
      ['email shape', 'fail', 1, [[8]]],
    ]);
    expect(results[0].failingRows?.keyColumns).toEqual(['id']);
  });

  it('passes a clean table and grades a crossed threshold by severity', async () => {
    const results = await run([
      { name: 'ids present', kind: 'not_null', column: 'id' },
      { name: 'few null emails', kind: 'not_null', column: 'email', threshold: '> 1 rows' },
      {
        name: 'under 12% bad categories',
        kind: 'accepted_values',
        column: 'category',
        values: ['books', 'games'],
        threshold: '> 12%',
      },
      {
        name: 'under 5% bad categories',
        kind: 'accepted_values',
        column: 'category',
        values: ['books', 'games'],
        threshold: '> 5%',
        severity: 'warn',
      },
    ]);
    expect(results.map((result) => [result.status, result.threshold])).toEqual([
      ['pass', '> 0 rows'],
      ['pass', '> 1 rows'],
      ['pass', '> 12%'],
      ['warn', '> 5%'],
    ]);
  });

  it('caps the failing keys at the limit and still counts every failing row', async () => {
    const [result] = await run([{ name: 'small amounts', kind: 'between', column: 'amount', max: 15 }], { limit: 3 });
    expect(result.observedValue).toBe(8);
    expect(result.failingRows?.total).toBe(8);
    expect(result.failingRows?.keys).toEqual([[2], [3], [4]]);
  });

  it('names failing rows by row number when the table has no primary key', async () => {
    const [result] = await run([{ name: 'id unique', kind: 'unique', columns: ['id'] }], { primaryKey: [] });
    expect(result.failingRows).toEqual({ total: 2, keys: [[4], [5]], keyColumns: ['row_number'] });
  });

  it('checks compound keys, row counts and freshness', async () => {
    const results = await run([
      { name: 'id and email unique', kind: 'unique', columns: ['id', 'email'] },
      { name: 'enough rows', kind: 'row_count_between', min: 10 },
      { name: 'at most a day old', kind: 'freshness', column: 'created_at', maxAgeSeconds: 86_400 },
      { name: 'at most an hour old', kind: 'freshness', column: 'created_at', maxAgeSeconds: 3_600, severity: 'warn' },
    ]);
    expect(results.map((result) => [result.status, result.observedValue])).toEqual([
      ['pass', 0],
      ['fail', 9],
      ['pass', 3_600],
      ['pass', 3_600],
    ]);
    expect(results[2].details.latest).toBe('2026-12-01T11:00:00.000Z');
  });

  it('runs a custom row expression and refuses one that reaches past the table', async () => {
    const results = await run([
      { name: 'positive amounts', kind: 'custom_sql', expression: 'amount > 0 AND amount < 100' },
      { name: 'subquery', kind: 'custom_sql', expression: "(SELECT count(*) FROM read_csv('/etc/passwd')) > 0" },
      { name: 'set operation', kind: 'custom_sql', expression: 'true) FROM data UNION SELECT (true' },
      { name: 'other table', kind: 'custom_sql', expression: 'true) FROM data, reference_0 WHERE (true' },
    ]);
    expect(results[0]).toMatchObject({ status: 'fail', observedValue: 1, failingRows: { keys: [[5]] } });
    for (const refused of results.slice(1)) {
      expect(refused).toMatchObject({ status: 'fail', observedValue: null });
      expect(refused.details.error).toMatch(/one boolean expression/);
    }
  });

  it('fails a check whose column is missing and measures the others', async () => {
    const results = await run([
      { name: 'ghost column', kind: 'not_null', column: 'ghost"; DROP TABLE data; --', severity: 'warn' },
      { name: 'ids present', kind: 'not_null', column: 'id' },
    ]);
    expect(results[0]).toMatchObject({ status: 'warn', observedValue: null, threshold: 'not measured' });
    expect(results[0].details.error).toMatch(/Binder Error/);
    expect(results[1]).toMatchObject({ status: 'pass', observedValue: 0 });
  });

  it('fails a check whose values do not fit its column type, without failing the shared scan', async () => {
    const results = await run([
      { name: 'numeric emails', kind: 'between', column: 'email', min: 0 },
      { name: 'numeric categories', kind: 'accepted_values', column: 'category', values: [1, 2] },
      { name: 'fresh emails', kind: 'freshness', column: 'email', maxAgeSeconds: 60 },
      { name: 'amount in range', kind: 'between', column: 'amount', min: 0, max: 1000 },
    ]);
    expect(results.map((result) => [result.status, result.details.error])).toEqual([
      ['fail', 'between needs a numeric column; email is VARCHAR'],
      ['fail', 'accepted_values needs a numeric column; category is VARCHAR'],
      ['fail', 'freshness needs a date or timestamp column; email is VARCHAR'],
      ['fail', undefined],
    ]);
    expect(results[3].failingRows?.keys).toEqual([[5]]);
  });

  it('binds column names as DuckDB does, without regard to case', async () => {
    const [result] = await run([{ name: 'email present', kind: 'not_null', column: 'EMAIL' }]);
    expect(result).toMatchObject({ status: 'fail', observedValue: 1, failingRows: { keys: [[3]] } });
  });

  it('compares the file schema with a declared one, additive columns allowed or not', async () => {
    const schema = {
      columns: [
        { name: 'id', type: 'integer' as const, nullable: false },
        { name: 'amount', type: 'float' as const, nullable: false },
        { name: 'category', type: 'integer' as const, nullable: true },
        { name: 'discount', type: 'float' as const, nullable: true },
      ],
      primaryKey: ['id'],
    };
    const [additive, strict] = await run([
      { name: 'additive', kind: 'schema', schema },
      { name: 'strict', kind: 'schema', schema, allowAdditiveColumns: false },
    ]);
    expect(additive.details.differences).toEqual([
      { column: 'category', problem: 'type-mismatch', expected: 'integer', observed: 'VARCHAR' },
      { column: 'discount', problem: 'missing', expected: 'float' },
    ]);
    expect(strict.observedValue).toBe(5);
    expect(strict.details.differences).toContainEqual({ column: 'email', problem: 'unexpected', observed: 'VARCHAR' });
  });

  it('reads JSON lines and Parquet with the same verdicts', async () => {
    const rows = ORDERS.map((cells) => Object.fromEntries(HEADER.map((column, index) => [column, cells[index]])));
    const jsonl: TableFile = { path: await directory.jsonl('orders.jsonl', rows), format: 'jsonl' };
    const checks: CheckInput[] = [
      { name: 'email present', kind: 'not_null', column: 'email' },
      { name: 'id unique', kind: 'unique', columns: ['id'] },
    ];
    const parquet: TableFile = { path: await parquetCopy(orders.path, directory.path), format: 'parquet' };
    for (const table of [jsonl, parquet]) {
      const results = await run(checks, { table });
      expect(results.map((result) => result.failingRows?.keys)).toEqual([[[3]], [[4], [4]]]);
    }
  });

  it('reads CSV with declared column types', async () => {
    const typed: TableFile = {
      ...orders,
      columns: HEADER.map((name) => ({
        name,
        type: name === 'amount' ? 'float' : name === 'id' ? 'integer' : 'string',
        nullable: true,
      })),
    };
    const [result] = await run([{ name: 'numeric text', kind: 'regex', column: 'amount', pattern: '\\d{2}\\.0' }], {
      table: typed,
    });
    expect(result.failingRows?.keys).toEqual([[5]]);
  });

  it('refuses an unreadable file and a missing reference', async () => {
    const broken: TableFile = {
      path: await directory.csv('broken.csv', ['id'], [['x']]),
      format: 'csv',
      columns: [{ name: 'id', type: 'integer', nullable: false }],
    };
    await expect(run([{ name: 'ids', kind: 'not_null', column: 'id' }], { table: broken })).rejects.toBeInstanceOf(
      TableUnreadable,
    );
    await expect(
      engine.runSuite({
        table: orders,
        primaryKey: ['id'],
        suite: CheckSuite.of({
          checks: [{ name: 'drift', kind: 'ks_drift', column: 'amount', reference: 'last-week', maxStatistic: 0.2 }],
        }),
        references: new Map(),
        at: AT,
      }),
    ).rejects.toBeInstanceOf(ReferenceTableMissing);
  });
});
