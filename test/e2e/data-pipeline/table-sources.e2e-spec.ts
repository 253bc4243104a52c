import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalPostgres } from '../../support/data-pipeline/external-postgres.js';
import { Client } from '../user-management/auth-client.js';
import { DatasetWorld } from './dataset-world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const PASSWORD = 'never-shown-4e1f';
const ROWS = 2500; // more than one cursor batch
const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'name', type: 'string', nullable: true },
    { name: 'score', type: 'float', nullable: true },
    { name: 'active', type: 'boolean', nullable: true },
    { name: 'signed_up', type: 'timestamp', nullable: true },
  ],
  primaryKey: ['id'],
};
const SELECT_ALL = 'SELECT id, name, score, active, signed_up FROM customers ORDER BY id';

describe('dataset versions snapshotted from a table source (PostgreSQL)', () => {
  let world: DatasetWorld;
  let external: ExternalPostgres;
  let directory: string;
  let dataset: Json;

  beforeAll(async () => {
    external = await ExternalPostgres.create(PASSWORD);
    await external.client.query(`
      CREATE TABLE customers (id bigint PRIMARY KEY, name text, score numeric(6,2), active boolean, signed_up timestamptz);
      INSERT INTO customers
        SELECT n, 'customer ' || n, n / 4.0, n % 2 = 0, timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute'
        FROM generate_series(1, ${ROWS - 3}) AS n;
      INSERT INTO customers VALUES
        (${ROWS - 2}, 'with, a comma and "quotes"', NULL, NULL, NULL),
        (${ROWS - 1}, '', -1.5, true, '2026-06-30 23:59:59.5+02'),
        (${ROWS}, NULL, 0, false, '1999-12-31 00:00:00+00');
      CREATE SEQUENCE tickets;`);
    directory = await mkdtemp(join(tmpdir(), 'table-sources-'));
    world = await DatasetWorld.start({
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      DATA_TABLE_SOURCES: 'external',
      DATA_TABLE_SOURCE_EXTERNAL_URL: external.url,
      DATA_TABLE_SOURCE_STATEMENT_TIMEOUT_MS: '1000',
    });
    dataset = await world.dataset('customers', SCHEMA);
  });
  afterAll(async () => {
    await world?.close();
    await external?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  const snapshot = (body: object, datasetId: string = dataset.id, as = world.editor) =>
    as.client.call('POST', `/api/v1/datasets/${datasetId}/versions/snapshots`, body);

  async function parquetRows(versionId: string, sql: string): Promise<unknown[][]> {
    const content = await world.content(versionId);
    expect(content.status).toBe(200);
    const path = join(directory, `${versionId}.parquet`);
    await writeFile(path, content.bytes);
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(sql.replaceAll('$file', `read_parquet('${path}')`));
      connection.closeSync();
      return reader.getRowsJS();
    } finally {
      instance.closeSync();
    }
  }

  it('lists the configured sources by name only', async () => {
    const listed = await world.editor.client.call('GET', '/api/v1/table-sources');

    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [{ name: 'external' }] });
    expect((await new Client(world.app.url).call('GET', '/api/v1/table-sources')).status).toBe(401);
  });

  it('records a snapshot as a Parquet version with its rows, types, profile and producer', async () => {
    const created = await snapshot({ source: 'external', query: `${SELECT_ALL};` });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      format: 'parquet',
      rowCount: ROWS,
      producer: {
        kind: 'table-source',
        actorId: world.editor.id,
        tableSource: { name: 'external', query: SELECT_ALL },
      },
    });
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect((created.body.inferredSchema as Json[]).map((column: Json) => [column.name, column.type])).toEqual(
      SCHEMA.columns.map((column) => [column.name, column.type]),
    );
    const detail = (await world.editor.client.call('GET', `/api/v1/dataset-versions/${created.body.id}`)).body;
    expect((detail.profile as Json[]).find((column: Json) => column.name === 'score')).toMatchObject({ nulls: 1 });

    const [summary] = await parquetRows(
      created.body.id,
      'SELECT count(*), sum(id), count(name), count(score) FROM $file',
    );
    expect(summary.map(Number)).toEqual([ROWS, (ROWS * (ROWS + 1)) / 2, ROWS - 1, ROWS - 1]);
    const edges = await parquetRows(
      created.body.id,
      `SELECT id, name, score, active, strftime(signed_up, '%Y-%m-%d %H:%M:%S.%g') FROM $file WHERE id >= ${ROWS - 2} ORDER BY id`,
    );
    expect(edges).toEqual([
      [BigInt(ROWS - 2), 'with, a comma and "quotes"', null, null, null],
      [BigInt(ROWS - 1), '', -1.5, true, '2026-06-30 21:59:59.500'],
      [BigInt(ROWS), null, 0, false, '1999-12-31 00:00:00.000'],
    ]);
  });

  it("names the columns that differ from the dataset's declared schema", async () => {
    const refused = await snapshot({
      source: 'external',
      query: 'SELECT id, name AS full_name, score, active, signed_up FROM customers',
    });

    expect(refused.status).toBe(400);
    expect(refused.body.type).toMatch(/schema-mismatch$/);
    expect((refused.body.errors as Json[]).map((error: Json) => String(error.field)).sort()).toEqual([
      'columns.full_name',
      'columns.name',
    ]);
  });

  it('records an empty result as a version of no rows, with the columns of the query', async () => {
    const empty = await snapshot({
      source: 'external',
      query: `${SELECT_ALL.replace(' ORDER BY id', '')} WHERE false`,
    });

    expect(empty.status).toBe(201);
    expect(empty.body.rowCount).toBe(0);
    expect((empty.body.inferredSchema as Json[]).map((column: Json) => column.name)).toEqual(
      SCHEMA.columns.map((column) => column.name),
    );
  });

  it('names a column whose PostgreSQL type maps to another column type than the declared one', async () => {
    const refused = await snapshot({
      source: 'external',
      query: 'SELECT id::text AS id, name, score, active, signed_up FROM customers',
    });

    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'columns.id', message: expect.stringMatching(/declared integer/) }]);
  });

  it('refuses statements that write, and writes nothing', async () => {
    const versionsBefore = (await world.editor.client.call('GET', `/api/v1/datasets/${dataset.id}/versions`)).body;
    for (const query of [
      'DELETE FROM customers',
      'SELECT 1; DROP TABLE customers',
      'WITH gone AS (DELETE FROM customers RETURNING *) SELECT * FROM gone',
      "SELECT nextval('tickets') AS id",
      'SELECT * INTO copied FROM customers',
      'SELECT * FROM customers FOR UPDATE',
    ]) {
      const refused = await snapshot({ source: 'external', query });
      expect({ query, status: refused.status, type: refused.body.type }).toEqual({
        query,
        status: 422,
        type: expect.stringMatching(/snapshot-query-refused$/),
      });
    }

    const { rows } = await external.client.query(
      "SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT last_value FROM tickets)::int AS ticket, to_regclass('copied') AS copied",
    );
    expect(rows[0]).toEqual({ customers: ROWS, ticket: 1, copied: null });
    const versionsAfter = (await world.editor.client.call('GET', `/api/v1/datasets/${dataset.id}/versions`)).body;
    expect(versionsAfter.items).toHaveLength(versionsBefore.items.length);
  });

  it('answers a query past the statement timeout with a problem, not a server error', async () => {
    const slow = await snapshot({ source: 'external', query: 'SELECT pg_sleep(5)::text AS name' });

    expect(slow.status).toBe(422);
    expect(slow.body.type).toMatch(/snapshot-query-timed-out$/);
  });

  it("refuses an unknown source, and hides another project's dataset", async () => {
    const unknown = await snapshot({ source: 'elsewhere', query: SELECT_ALL });
    expect(unknown.status).toBe(422);
    expect(unknown.body.type).toMatch(/table-source-unknown$/);

    const foreign = await world.dataset('theirs', SCHEMA, world.outsider, world.outsiderProjectId);
    expect((await snapshot({ source: 'external', query: SELECT_ALL }, foreign.id)).status).toBe(404);
    expect((await snapshot({ source: 'external', query: SELECT_ALL }, dataset.id, world.outsider)).status).toBe(404);
  });
});
