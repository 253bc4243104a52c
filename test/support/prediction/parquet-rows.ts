import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The rows of a Parquet file's bytes (a batch prediction's output version), read by DuckDB as
 * plain objects; integers come back as numbers (the test rows stay far below 2^53).
 */
export async function parquetRows(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const directory = await mkdtemp(join(tmpdir(), 'parquet-rows-'));
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const path = join(directory, 'output.parquet');
    await writeFile(path, bytes);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
    connection.closeSync();
    return reader
      .getRowObjectsJS()
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [column, typeof value === 'bigint' ? Number(value) : value]),
        ),
      );
  } finally {
    instance.closeSync();
    await rm(directory, { recursive: true, force: true });
  }
}
