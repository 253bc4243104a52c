import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableDirectory, type CellValue } from '../../../../../test/support/data-pipeline/table-files.js';
import type { ColumnDefinition } from '../../domain/schema/dataset-schema.js';
import { TableContentInvalid } from '../../domain/errors.js';
import { DuckDbQueryEngine } from './duckdb-query-engine.js';

const COLUMNS: ColumnDefinition[] = [
  { name: 'id', type: 'integer', nullable: false },
  { name: 'city', type: 'string', nullable: true },
  { name: 'amount', type: 'float', nullable: true },
];
const CITIES = ['oslo', 'lima', 'oslo', 'pune', null, 'oslo', 'lima', 'kyiv', 'oslo', null];
const AMOUNTS = [3, 1.5, null, 8, 2, 2, 13, null, 21, 0.5];
const ROWS: CellValue[][] = CITIES.map((city, index) => [index + 1, city, AMOUNTS[index]]);

/** Linear interpolation between order statistics: what quantile_cont computes. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

describe('DuckDbQueryEngine profiles and reads version files', () => {
  let directory: TableDirectory;
  let engine: DuckDbQueryEngine;

  beforeAll(async () => {
    directory = await TableDirectory.create();
    engine = new DuckDbQueryEngine({ memoryLimit: '256MB', tempDirectory: directory.spillPath, threads: 1 });
  });
  afterAll(() => directory.remove());

  it('counts rows, nulls and distinct values, and computes moments, quantiles, top values and a histogram', async () => {
    const path = await directory.csv('profile.csv', ['id', 'city', 'amount'], ROWS);

    const profile = await engine.profile({ path, format: 'csv', columns: COLUMNS });

    const amounts = AMOUNTS.filter((amount): amount is number => amount !== null).sort((a, b) => a - b);
    const mean = amounts.reduce((sum, value) => sum + value, 0) / amounts.length;
    const variance = amounts.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (amounts.length - 1);
    const amount = profile.columns.find((column) => column.name === 'amount');
    const city = profile.columns.find((column) => column.name === 'city');
    expect(profile.rowCount).toBe(ROWS.length);
    expect(amount).toMatchObject({ type: 'DOUBLE', nulls: 2, min: amounts[0], max: amounts.at(-1) });
    expect(amount?.mean).toBeCloseTo(mean, 10);
    expect(amount?.stddev).toBeCloseTo(Math.sqrt(variance), 10);
    expect(amount?.quantiles?.p25).toBeCloseTo(quantile(amounts, 0.25), 10);
    expect(amount?.quantiles?.p50).toBeCloseTo(quantile(amounts, 0.5), 10);
    expect(amount?.quantiles?.p95).toBeCloseTo(quantile(amounts, 0.95), 10);
    expect(amount?.histogram?.reduce((sum, bin) => sum + bin.count, 0)).toBe(amounts.length);
    expect(amount?.histogram?.at(-1)).toMatchObject({ upper: amounts.at(-1), count: 1 });
    expect(city).toMatchObject({
      nulls: 2,
      distinctEstimate: 4,
      min: 'kyiv',
      max: 'pune',
      mean: null,
      histogram: null,
    });
    expect(city?.topValues.slice(0, 2)).toEqual([
      { value: 'oslo', count: 4 },
      { value: 'lima', count: 2 },
    ]);
  });

  it('observes the columns a file holds, whatever is declared', async () => {
    const path = await directory.jsonl('observed.jsonl', [{ id: 1, city: 'oslo', amount: 2.5 }]);

    expect(await engine.observeColumns({ path, format: 'jsonl', columns: COLUMNS })).toEqual([
      { name: 'id', type: 'integer', engineType: 'BIGINT' },
      { name: 'city', type: 'string', engineType: 'VARCHAR' },
      { name: 'amount', type: 'float', engineType: 'DOUBLE' },
    ]);
  });

  it('refuses a CSV with an unterminated quote or a row of the wrong width, naming the line', async () => {
    const unterminated = join(directory.path, 'unterminated.csv');
    await writeFile(unterminated, 'id,city,amount\n1,oslo,2\n2,"lima,3\n3,pune,4\n');
    const wide = join(directory.path, 'wide.csv');
    await writeFile(wide, 'id,city,amount\n1,oslo,2\n2,lima,3,extra\n');

    for (const [path, line] of [
      [unterminated, 3],
      [wide, 3],
    ] as const) {
      const refused = await engine.observeColumns({ path, format: 'csv' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TableContentInvalid);
      expect((refused as TableContentInvalid).errors?.[0].field).toBe(`body.line[${line}]`);
    }
  });

  it('refuses a value that does not read as its declared type, naming its line and column', async () => {
    const path = join(directory.path, 'uncastable.csv');
    await writeFile(path, 'id,city,amount\n1,oslo,2\n2,lima,3\n3,pune,lots\n');

    const refused = await engine.profile({ path, format: 'csv', columns: COLUMNS }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(TableContentInvalid);
    expect((refused as TableContentInvalid).message).toMatch(/line 4: .*column "amount"/);
    expect((refused as TableContentInvalid).message).not.toContain(directory.path);
  });
});
