import { describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { scaled, waitFor } from '@libs/testing';
import { exitOf } from '../support/platform-lives.js';
import { platformLivesOnFilesystem } from '../support/platform-lives-on-filesystem.js';
import { clientOf, projectOwner } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

// A dead worker's job is taken over once its lock expires and the next stalled-job check runs (BullMQ's 30 s defaults).
jest.setTimeout(scaled(300_000));

const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'name', type: 'string', nullable: true },
  ],
  primaryKey: ['id'],
};
const CSV = 'id,name\n1,ada\n2,\n3,cyd\n4,\n5,eve\n';

describe('a pipeline run whose worker is killed after a load', () => {
  const lives = platformLivesOnFilesystem('user-management,data-pipeline');

  it('is resumed by the next worker, loading each version once and storing one check run', async () => {
    const first = await lives.start({ CRASH_POINTS: 'data-pipeline.pipeline-run.after-load' });
    const world = await projectOwner(first);
    const api = (method: string, path: string, body?: unknown) =>
      clientOf(world.owner, lives.current).call(method, `/api/v1${path}`, body);
    const datasets: Record<string, Json> = {};
    for (const name of ['people', 'people-clean', 'people-quarantine'])
      datasets[name] = (await api('POST', `/projects/${world.projectId}/datasets`, { name, schema: SCHEMA })).body;
    const upload = await fetch(`${first.url}/api/v1/datasets/${datasets.people.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.owner.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: CSV,
    });
    const source = (await upload.json()) as Json;
    const pipeline = await api('POST', `/projects/${world.projectId}/pipelines`, {
      name: 'people-cleaning',
      definition: {
        steps: [
          { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: source.id } },
          {
            name: 'checked',
            kind: 'validate',
            input: 'raw',
            key: ['id'],
            suite: { checks: [{ name: 'name present', kind: 'not_null', column: 'name' }] },
            quarantine: { dataset: 'people-quarantine' },
          },
          { name: 'store', kind: 'load', input: 'checked', dataset: 'people-clean' },
        ],
      },
    });
    expect(pipeline.status).toBe(201);

    const started = await api('POST', `/pipelines/${pipeline.body.id}/runs`, {});
    expect(await exitOf(first, 'the crash point after the quarantine load')).toEqual({ code: null, signal: 'SIGKILL' });
    await lives.start({});
    const run = await waitFor(
      async () => {
        const answer = await api('GET', `/pipeline-runs/${started.body.id}`);
        return answer.body.status === 'succeeded' && answer.body;
      },
      { timeoutMs: 180_000, intervalMs: 500, what: 'the resumed run to succeed' },
    );

    const versionsOf = async (name: string) =>
      (await api('GET', `/datasets/${datasets[name].id}/versions`)).body.items as Json[];
    const [quarantined, clean] = [await versionsOf('people-quarantine'), await versionsOf('people-clean')];
    expect(quarantined.map((version) => version.rowCount)).toEqual([2]);
    expect(clean.map((version) => version.rowCount)).toEqual([3]);
    expect((run.outputs as Json[]).map((output) => output.versionId).sort()).toEqual(
      [quarantined[0].id, clean[0].id].sort(),
    );
    const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    try {
      const { rows } = await database.query('SELECT id FROM data_pipeline.check_runs WHERE pipeline_run_id = $1', [
        run.id,
      ]);
      expect(rows).toHaveLength(1);
    } finally {
      await database.end();
    }
  });
});
