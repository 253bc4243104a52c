import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DatasetWorld } from './dataset-world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'code', type: 'string', nullable: true },
    { name: 'email', type: 'string', nullable: true },
    { name: 'age', type: 'integer', nullable: true },
    { name: 'country', type: 'string', nullable: true },
  ],
  primaryKey: ['id'],
};

const NULL_EMAILS = [4, 17, 33];
const DUPLICATE_CODES = [8, 21];
const OUT_OF_RANGE_AGES = new Map([
  [12, 150],
  [40, -3],
]);
const BAD_COUNTRY = 27;

/** 50 customers with the planted defects above, in a shuffled order so the keys' order is the engine's doing. */
function plantedCsv(): string {
  const ids = Array.from({ length: 50 }, (_, index) => ((index * 37) % 50) + 1);
  const rows = ids.map((id) => {
    const code = DUPLICATE_CODES.includes(id) ? 'C-dup' : `C-${id}`;
    const email = NULL_EMAILS.includes(id) ? '' : `user${id}@example.org`;
    const age = OUT_OF_RANGE_AGES.get(id) ?? 20 + (id % 50);
    const country = id === BAD_COUNTRY ? 'XX' : ['DE', 'FR', 'NO'][id % 3];
    return `${id},${code},${email},${age},${country}`;
  });
  return ['id,code,email,age,country', ...rows].join('\n') + '\n';
}

const SUITE = {
  failingKeyLimit: 2,
  checks: [
    { name: 'email present', kind: 'not_null', column: 'email' },
    { name: 'email mostly present', kind: 'not_null', column: 'email', severity: 'warn', threshold: '> 10 rows' },
    { name: 'email present (warn)', kind: 'not_null', column: 'email', severity: 'warn' },
    { name: 'code unique', kind: 'unique', columns: ['code'] },
    { name: 'age plausible', kind: 'between', column: 'age', min: 0, max: 120 },
    { name: 'known country', kind: 'accepted_values', column: 'country', values: ['DE', 'FR', 'NO'] },
    {
      name: 'known country (5%)',
      kind: 'accepted_values',
      column: 'country',
      values: ['DE', 'FR', 'NO'],
      threshold: '> 5%',
    },
  ],
};

describe('check runs against a dataset version through the API (filesystem store)', () => {
  let world: DatasetWorld;
  let directory: string;
  let versionId: string;
  let run: Json;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'check-runs-'));
    world = await DatasetWorld.start({
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      DATA_ENGINE_TEMP_DIR: join(directory, 'engine'),
    });
    const dataset = await world.dataset('customers', SCHEMA);
    const version = await world.upload(dataset.id, plantedCsv(), 'text/csv');
    if (version.status !== 201) throw new Error(`upload: ${version.status} ${JSON.stringify(version.body)}`);
    versionId = version.body.id;
    const answer = await world.editor.client.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, SUITE);
    if (answer.status !== 201) throw new Error(`check run: ${answer.status} ${JSON.stringify(answer.body)}`);
    run = answer.body;
  });
  afterAll(async () => {
    await world?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const resultOf = (name: string): Json => (run.results as Json[]).find((result) => result.check === name);

  it('finds each planted defect with the exact failing keys, capped, with the exact total', () => {
    expect(run.status).toBe('fail');
    expect(resultOf('email present')).toMatchObject({
      status: 'fail',
      observedValue: 3,
      threshold: '> 0 rows',
      failingRows: { total: 3, keyColumns: ['id'], keys: [[4], [17]] },
    });
    expect(resultOf('code unique').failingRows).toEqual({ total: 2, keyColumns: ['id'], keys: [[8], [21]] });
    expect(resultOf('age plausible').failingRows).toEqual({ total: 2, keyColumns: ['id'], keys: [[12], [40]] });
    expect(resultOf('known country')).toMatchObject({
      status: 'fail',
      failingRows: { total: 1, keys: [[BAD_COUNTRY]] },
    });
  });

  it('grades by severity and threshold: a warn check warns, a tolerated count or share passes', () => {
    expect(resultOf('email present (warn)')).toMatchObject({ status: 'warn', severity: 'warn' });
    expect(resultOf('email mostly present')).toMatchObject({ status: 'pass', threshold: '> 10 rows' });
    expect(resultOf('known country (5%)')).toMatchObject({ status: 'pass', threshold: '> 5%' });
  });

  it('stores the run: read back as the report and listed on the version, newest first', async () => {
    const warnOnly = { checks: [SUITE.checks[2]] };
    const later = await world.editor.client.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, warnOnly);

    const read = await world.editor.client.call('GET', `/api/v1/check-runs/${run.id}`);
    const listed = await world.editor.client.call('GET', `/api/v1/dataset-versions/${versionId}/check-runs`);

    expect(later.body.status).toBe('warn');
    expect(read.body).toEqual(run);
    expect((listed.body.items as Json[]).slice(0, 2).map((item) => item.id)).toEqual([later.body.id, run.id]);
  });

  it('publishes check-suite.failed through the outbox with a summary per check', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ payload: Json }>(
        `SELECT envelope->'payload' AS payload FROM data_pipeline.outbox WHERE type = $1 AND envelope->'payload'->>'checkRunId' = $2`,
        ['data-pipeline.check-suite.failed.v1', run.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.payload).toMatchObject({ versionId, projectId: world.projectId, checkRunId: run.id });
      expect(rows[0]?.payload.checks).toContainEqual(
        expect.objectContaining({ name: 'email present', status: 'fail', failingRows: 3 }),
      );
    } finally {
      await client.end();
    }
  });

  it('records each result in the lineage graph, so the impact query answers for its id', async () => {
    const failed = resultOf('email present');

    const impact = await world.editor.client.call('GET', `/api/v1/lineage/impact?checkResult=${failed.id}`);
    const graph = await world.editor.client.call(
      'GET',
      `/api/v1/lineage/check-result/${failed.id}?direction=downstream`,
    );

    expect(impact.status).toBe(200);
    expect(graph.body.nodes).toContainEqual(expect.objectContaining({ type: 'dataset-version', id: versionId }));
  });

  it('serves the run as an HTML page under a policy that lets no script run', async () => {
    const response = await fetch(`${world.app.url}/api/v1/check-runs/${run.id}/report.html`, {
      headers: { authorization: `Bearer ${world.editor.tokens.accessToken}` },
    });
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page).not.toContain('<script');
    expect(page).toContain('email present');
    expect(page).toContain('<li><code>17</code></li>');
    expect(page).toContain('Profile of version 1 (50 rows)');
    expect(page).toMatch(/<svg class="histogram"/);
  });

  it('reads a reference version of the project for relationships, and removes every temporary copy', async () => {
    const countries = await world.dataset('countries', {
      columns: [{ name: 'code', type: 'string', nullable: false }],
      primaryKey: ['code'],
    });
    const reference = await world.upload(countries.id, 'code\nDE\nFR\nNO\n', 'text/csv');
    const suite = {
      checks: [
        {
          name: 'country exists',
          kind: 'relationships',
          columns: ['country'],
          reference: reference.body.id,
          referenceColumns: ['code'],
        },
      ],
    };

    const answer = await world.editor.client.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, suite);

    expect(answer.status).toBe(201);
    expect(answer.body.results[0]).toMatchObject({ status: 'fail', failingRows: { total: 1, keys: [[BAD_COUNTRY]] } });
    const left = await readdir(join(directory, 'engine'));
    expect(left.filter((name) => name.startsWith('version-'))).toEqual([]);
  });

  it('answers 400 naming the field of a bad check, and 404 to another project', async () => {
    const bad = { checks: [SUITE.checks[0], { name: 'age', kind: 'between', column: 'age', threshold: 'many' }] };
    const outsider = world.outsider.client;

    const refused = await world.editor.client.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, bad);

    expect(refused.status).toBe(400);
    expect((refused.body.errors as Json[]).map((problem) => problem.field)).toContain('checks[1].threshold');
    expect((await outsider.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, SUITE)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/dataset-versions/${versionId}/check-runs`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/check-runs/${run.id}`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/check-runs/${run.id}/report.html`)).status).toBe(404);
    expect(
      (await outsider.call('GET', `/api/v1/lineage/impact?checkResult=${resultOf('email present').id}`)).status,
    ).toBe(404);
  });
});
