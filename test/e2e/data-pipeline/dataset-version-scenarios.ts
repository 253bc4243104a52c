import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from '@jest/globals';
import type { ObjectStore } from '@libs/storage';
import type { DatasetWorld } from './dataset-world.js';

export const VERSION_LIMIT = 256 * 1024;

export const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'city', type: 'string', nullable: true },
    { name: 'amount', type: 'float', nullable: true },
  ],
  primaryKey: ['id'],
};

const CITIES = ['oslo', 'lima', 'pune', 'kyiv', 'oslo', 'quito', 'oslo'];

/** The fields of a profiled column the scenarios read. */
interface ProfiledColumn {
  readonly name: string;
  readonly mean: number | null;
  readonly stddev: number | null;
  readonly topValues: readonly { readonly value: string; readonly count: number }[];
  readonly histogram: readonly { readonly count: number }[] | null;
}

interface Row {
  readonly id: number;
  readonly city: string | null;
  readonly amount: number | null;
}

/** 600 rows: every 9th city and every 7th amount null, the last 20 rows repeated (duplicates). */
export function plantedRows(): Row[] {
  const rows = Array.from({ length: 580 }, (_, index): Row => ({
    id: index + 1,
    city: index % 9 === 4 ? null : CITIES[index % CITIES.length],
    amount: index % 7 === 3 ? null : Math.round(((index * 37) % 101) * 1.25 * 100) / 100,
  }));
  return [...rows, ...rows.slice(-20)];
}

export function csvOf(rows: readonly Row[]): string {
  return ['id,city,amount', ...rows.map((row) => `${row.id},${row.city ?? ''},${row.amount ?? ''}`)].join('\n') + '\n';
}

export function jsonlOf(rows: readonly Row[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** Parquet as another writer would leave it: DuckDB of the test's own, from the CSV. */
export async function parquetOf(csv: string): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'parquet-'));
  try {
    await writeFile(join(directory, 'rows.csv'), csv);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv('${directory}/rows.csv', header = true, columns = {'id': 'BIGINT', 'city': 'VARCHAR', 'amount': 'DOUBLE'}))
       TO '${directory}/rows.parquet' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    return await readFile(join(directory, 'rows.parquet'));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function expectedProfile(rows: readonly Row[]) {
  const amounts = rows.map((row) => row.amount).filter((amount): amount is number => amount !== null);
  const mean = amounts.reduce((sum, value) => sum + value, 0) / amounts.length;
  const stddev = Math.sqrt(amounts.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (amounts.length - 1));
  const cities = rows.map((row) => row.city).filter((city): city is string => city !== null);
  const counts = new Map<string, number>();
  for (const city of cities) counts.set(city, (counts.get(city) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return {
    amount: { nulls: rows.length - amounts.length, mean, stddev, min: Math.min(...amounts), max: Math.max(...amounts) },
    city: { nulls: rows.length - cities.length, distinct: counts.size, top: { value: top[0], count: top[1] } },
  };
}

/** The dataset-version scenarios every object store must pass; `world()` and `store()` are ready when they run. */
export function datasetVersionScenarios(world: () => DatasetWorld, store: () => ObjectStore): void {
  const rows = plantedRows();
  const csv = csvOf(rows);

  async function freshDataset(): Promise<string> {
    return (await world().dataset(`d-${Math.random().toString(36).slice(2, 10)}`, SCHEMA)).id as string;
  }

  it('records row count, SHA-256 and a profile that match the uploaded CSV, and gives the bytes back', async () => {
    const datasetId = await freshDataset();

    const created = await world().upload(datasetId, csv, 'text/csv');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, format: 'csv', rowCount: rows.length, sha256: sha256(csv) });
    expect(created.body.sizeBytes).toBe(Buffer.byteLength(csv));
    expect(created.body.producer).toEqual({
      kind: 'upload',
      actorId: world().editor.id,
      runId: null,
      tableSource: null,
    });
    const detail = await world().editor.client.call('GET', `/api/v1/dataset-versions/${created.body.id}`);
    const expected = expectedProfile(rows);
    const profile = detail.body.profile as ProfiledColumn[];
    const amount = profile.find((column) => column.name === 'amount');
    const city = profile.find((column) => column.name === 'city');
    expect(amount).toMatchObject({ nulls: expected.amount.nulls, min: expected.amount.min, max: expected.amount.max });
    expect(amount?.mean).toBeCloseTo(expected.amount.mean, 8);
    expect(amount?.stddev).toBeCloseTo(expected.amount.stddev, 8);
    expect(amount?.histogram?.reduce((sum, bin) => sum + bin.count, 0)).toBe(rows.length - expected.amount.nulls);
    expect(city).toMatchObject({ nulls: expected.city.nulls, distinctEstimate: expected.city.distinct });
    expect(city?.topValues[0]).toEqual(expected.city.top);
    const content = await world().content(created.body.id);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('text/csv');
    expect(sha256(content.bytes)).toBe(sha256(csv));
  });

  it('round-trips Parquet and JSON lines, each profiled alike', async () => {
    const datasetId = await freshDataset();
    const parquet = await parquetOf(csv);
    const jsonl = jsonlOf(rows);

    const fromParquet = await world().upload(datasetId, parquet, 'application/vnd.apache.parquet');
    const fromJsonl = await world().upload(datasetId, jsonl, 'application/x-ndjson');

    expect(fromParquet.body).toMatchObject({
      number: 1,
      format: 'parquet',
      rowCount: rows.length,
      sha256: sha256(parquet),
    });
    expect(fromJsonl.body).toMatchObject({ number: 2, format: 'jsonl', rowCount: rows.length, sha256: sha256(jsonl) });
    expect(sha256((await world().content(fromParquet.body.id)).bytes)).toBe(sha256(parquet));
    expect((await world().content(fromJsonl.body.id)).bytes.toString()).toBe(jsonl);
    const listed = await world().editor.client.call('GET', `/api/v1/datasets/${datasetId}/versions`);
    expect((listed.body.items as { number: number }[]).map((version) => version.number)).toEqual([2, 1]);
  });

  it('registers an object of the project as a version (copied), and refuses a key of another project', async () => {
    const datasetId = await freshDataset();
    const objectKey = `data-pipeline/${world().projectId}/exports/day-1.csv`;
    await store().put(objectKey, Readable.from([Buffer.from(csv)]), { maxBytes: VERSION_LIMIT });

    const registered = await world().editor.client.call('POST', `/api/v1/datasets/${datasetId}/versions`, {
      objectKey,
      format: 'csv',
    });
    const foreign = await world().editor.client.call('POST', `/api/v1/datasets/${datasetId}/versions`, {
      objectKey: `data-pipeline/${world().outsiderProjectId}/exports/day-1.csv`,
      format: 'csv',
    });

    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ rowCount: rows.length, sha256: sha256(csv) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'objectKey', message: expect.stringContaining(world().projectId) }]);
  });

  it('answers 413 to a file over the limit and keeps no object of it', async () => {
    const datasetId = await freshDataset();
    const big = csvOf(Array.from({ length: 40 }, () => rows).flat());
    expect(Buffer.byteLength(big)).toBeGreaterThan(VERSION_LIMIT);

    const refused = await world().upload(datasetId, big, 'text/csv');

    expect(refused.status).toBe(413);
    expect((await store().list(`data-pipeline/${world().projectId}/datasets/${datasetId}/`)).items).toEqual([]);
    const listed = await world().editor.client.call('GET', `/api/v1/datasets/${datasetId}/versions`);
    expect(listed.body.items).toEqual([]);
  });
}
