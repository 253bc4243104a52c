import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SnapshotQueryRefused,
  SnapshotTooLarge,
  TableSourceUnavailable,
} from '../../../src/contexts/data-pipeline/domain/table-source/table-source-errors.js';
import { PostgresSnapshotExport } from '../../../src/contexts/data-pipeline/infrastructure/table-sources/postgres-snapshot-export.js';
import { ExternalPostgres } from '../../support/data-pipeline/external-postgres.js';

const PASSWORD = 'never-shown-77aa';

/** The adapter on its own, without the lexical guard in front: PostgreSQL's own refusals must hold. */
describe('PostgresSnapshotExport', () => {
  let external: ExternalPostgres;
  let directory: string;
  let exporter: PostgresSnapshotExport;

  beforeAll(async () => {
    external = await ExternalPostgres.create(PASSWORD);
    await external.client.query(
      "CREATE TABLE notes (id int, body text); INSERT INTO notes SELECT n, repeat('x', 100) FROM generate_series(1, 50) n",
    );
    directory = await mkdtemp(join(tmpdir(), 'snapshot-export-'));
    exporter = new PostgresSnapshotExport({ name: 'external', url: external.url }, 2000);
  });
  afterAll(async () => {
    await external?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  const notes = async () => (await external.client.query('SELECT count(*)::int AS n FROM notes')).rows[0].n as number;

  it('writes the header and every value quoted, NULL as an empty field', async () => {
    const path = join(directory, 'small.csv');
    const exported = await exporter.toCsv(`SELECT 1 AS id, 'a"b' AS body, NULL::text AS gone, true AS ok`, path, 1000);

    expect(exported).toEqual({
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'body', type: 'string' },
        { name: 'gone', type: 'string' },
        { name: 'ok', type: 'boolean' },
      ],
      rowCount: 1,
      bytes: expect.any(Number),
    });
    expect(await readFile(path, 'utf8')).toBe('"id","body","gone","ok"\n"1","a""b",,"true"\n');
  });

  it('refuses a second statement even past the lexical guard, and the table stays', async () => {
    for (const query of ['SELECT 1; DROP TABLE notes', 'SELECT 1; COMMIT; DELETE FROM notes']) {
      await expect(exporter.toCsv(query, join(directory, 'two.csv'), 1000)).rejects.toBeInstanceOf(
        SnapshotQueryRefused,
      );
    }
    expect(await notes()).toBe(50);
  });

  it('stops at the byte cap', async () => {
    await expect(exporter.toCsv('SELECT * FROM notes', join(directory, 'big.csv'), 2000)).rejects.toBeInstanceOf(
      SnapshotTooLarge,
    );
  });

  it('answers an unreachable source as unavailable without its address', async () => {
    const url = new URL(external.url);
    url.port = '1';
    const unreachable = new PostgresSnapshotExport({ name: 'gone', url: url.toString() }, 2000);

    const refusal = unreachable.toCsv('SELECT 1', join(directory, 'none.csv'), 1000);

    await expect(refusal).rejects.toBeInstanceOf(TableSourceUnavailable);
    await expect(refusal).rejects.toThrow(/^The table source gone cannot be reached now$/);
  });
});
