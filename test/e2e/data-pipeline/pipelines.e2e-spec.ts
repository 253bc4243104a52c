import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { DatasetWorld } from './dataset-world.js';
import { plantedCustomers, REGIONS, type PlantedCustomers } from './planted-customers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const ROWS = 100_000;
const RAW_SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'email', type: 'string', nullable: true },
    { name: 'age', type: 'integer', nullable: true },
    { name: 'country', type: 'string', nullable: true },
    { name: 'region_id', type: 'integer', nullable: true },
  ],
  primaryKey: ['id'],
};
const CLEAN_SCHEMA = {
  ...RAW_SCHEMA,
  columns: [...RAW_SCHEMA.columns, { name: 'email_domain', type: 'string', nullable: true }],
};

/** Every row of a table file, ordered as stored, read by a DuckDB of the test's own. */
async function rowsOfFile(path: string, scan: string): Promise<unknown[][]> {
  const reader = await DuckDBInstance.create(':memory:');
  const connection = await reader.connect();
  try {
    const rows = (await connection.runAndReadAll(`SELECT * FROM ${scan}('${path}')`)).getRowsJS();
    return rows.map((row) => row.map((value) => (typeof value === 'bigint' ? Number(value) : value)));
  } finally {
    connection.closeSync();
    reader.closeSync();
  }
}

describe('pipelines through the API: clean, validate with quarantine, load', () => {
  let world: DatasetWorld;
  let directory: string;
  let planted: PlantedCustomers;
  let rawVersionId: string;
  let regionsVersionId: string;
  let pipeline: Json;
  let run: Json;

  const api = (method: string, path: string, body?: unknown) =>
    world.editor.client.call(method, `/api/v1${path}`, body);
  const finished = (runId: string) =>
    waitFor(
      async () => {
        const answer = await api('GET', `/pipeline-runs/${runId}`);
        return ['succeeded', 'failed', 'cancelled'].includes(answer.body.status) && answer.body;
      },
      { timeoutMs: 90_000, intervalMs: 100, what: `pipeline run ${runId} to end` },
    );

  const definition = (quarantine: boolean) => ({
    steps: [
      { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: rawVersionId } },
      { name: 'regions', kind: 'extract', source: { kind: 'dataset-version', versionId: regionsVersionId } },
      {
        name: 'clean',
        kind: 'transform',
        input: 'raw',
        operations: [
          { op: 'deduplicate', keys: ['id'] },
          { op: 'derive', column: 'email_domain', expression: "split_part(email, '@', 2)" },
        ],
      },
      {
        name: 'checked',
        kind: 'validate',
        input: 'clean',
        key: ['id'],
        suite: {
          failingKeyLimit: 100,
          checks: [
            { name: 'email present', kind: 'not_null', column: 'email' },
            { name: 'email unique', kind: 'unique', columns: ['email'] },
            { name: 'age plausible', kind: 'between', column: 'age', min: 0, max: 120 },
            { name: 'known country', kind: 'accepted_values', column: 'country', values: ['DE', 'FR', 'NO', 'SE'] },
            {
              name: 'region exists',
              kind: 'relationships',
              columns: ['region_id'],
              reference: regionsVersionId,
              referenceColumns: ['region_id'],
            },
            { name: 'enough rows', kind: 'row_count_between', min: 1000, severity: 'warn' },
          ],
        },
        ...(quarantine && { quarantine: { dataset: 'customers-quarantine' } }),
      },
      { name: 'store', kind: 'load', input: 'checked', dataset: 'customers-clean' },
    ],
  });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'pipelines-'));
    world = await DatasetWorld.start({
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      DATA_ENGINE_TEMP_DIR: join(directory, 'engine'),
    });
    planted = plantedCustomers(ROWS);
    const raw = await world.dataset('customers', RAW_SCHEMA);
    const regions = await world.dataset('regions', {
      columns: [
        { name: 'region_id', type: 'integer', nullable: false },
        { name: 'name', type: 'string', nullable: false },
      ],
      primaryKey: ['region_id'],
    });
    await world.dataset('customers-clean', CLEAN_SCHEMA);
    await world.dataset('customers-quarantine', CLEAN_SCHEMA);
    const rawVersion = await world.upload(raw.id, planted.csv, 'text/csv');
    const regionsCsv = ['region_id,name', ...REGIONS.map((id) => `${id},region ${id}`)].join('\n') + '\n';
    const regionsVersion = await world.upload(regions.id, regionsCsv, 'text/csv');
    if (rawVersion.status !== 201 || regionsVersion.status !== 201) throw new Error('upload failed');
    rawVersionId = rawVersion.body.id;
    regionsVersionId = regionsVersion.body.id;
    const created = await api('POST', `/projects/${world.projectId}/pipelines`, {
      name: 'customers-cleaning',
      definition: definition(true),
    });
    if (created.status !== 201) throw new Error(`pipeline: ${created.status} ${JSON.stringify(created.body)}`);
    pipeline = created.body;
    const started = await api('POST', `/pipelines/${pipeline.id}/runs`, {});
    if (started.status !== 201) throw new Error(`run: ${started.status} ${JSON.stringify(started.body)}`);
    run = await finished(started.body.id);
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const stepOf = (name: string): Json => (run.steps as Json[]).find((step) => step.name === name);

  it('succeeds, with each step’s progress and the outputs it loaded', () => {
    expect(run).toMatchObject({ status: 'succeeded', pipelineVersion: 1, attempt: 1 });
    expect((run.steps as Json[]).map((step) => [step.name, step.status])).toEqual([
      ['raw', 'succeeded'],
      ['regions', 'succeeded'],
      ['clean', 'succeeded'],
      ['checked', 'succeeded'],
      ['store', 'succeeded'],
    ]);
    expect(stepOf('raw').rowCount).toBe(ROWS);
    expect(stepOf('checked')).toMatchObject({
      checkStatus: 'fail',
      quarantinedRows: planted.plantedIds.length,
      rowCount: ROWS - planted.plantedIds.length,
    });
    expect((run.outputs as Json[]).map((output) => String(output.role)).sort()).toEqual(['output', 'quarantine']);
  });

  it('stores a check run whose report lists each planted defect with its exact failing keys', async () => {
    const report = await api('GET', `/check-runs/${stepOf('checked').checkRunId}`);
    const keysOf = (check: string): number[] => {
      const result = (report.body.results as Json[]).find((candidate) => candidate.check === check);
      return (result.failingRows.keys as number[][]).map((key) => key[0]).sort((a, b) => a - b);
    };
    const sorted = (ids: number[]) => ids.slice().sort((a, b) => a - b);

    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ pipelineRunId: run.id, versionId: null, status: 'fail' });
    expect(keysOf('email present')).toEqual(sorted(planted.defects.nullEmails));
    expect(keysOf('email unique')).toEqual(sorted(planted.defects.duplicateEmails));
    expect(keysOf('age plausible')).toEqual(sorted(planted.defects.outOfRangeAges));
    expect(keysOf('known country')).toEqual(sorted(planted.defects.badCountries));
    expect(keysOf('region exists')).toEqual(sorted(planted.defects.orphanRegions));
    const page = await fetch(`${world.app.url}/api/v1/check-runs/${report.body.id}/report.html`, {
      headers: { authorization: `Bearer ${world.editor.tokens.accessToken}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(run.id);
  });

  it('quarantines exactly the planted rows, and loads the clean rows as Parquet that reads back identical', async () => {
    const versionOf = async (role: string) => {
      const output = (run.outputs as Json[]).find((candidate) => candidate.role === role);
      return (await api('GET', `/dataset-versions/${output.versionId}`)).body;
    };
    const [clean, quarantine] = [await versionOf('output'), await versionOf('quarantine')];
    expect(clean).toMatchObject({ format: 'parquet', rowCount: ROWS - planted.plantedIds.length });
    expect(clean.producer).toMatchObject({ kind: 'pipeline-run', runId: run.id });

    const files = await Promise.all(
      [clean, quarantine].map(async (version: Json, index) => {
        const path = join(directory, `read-back-${index}.parquet`);
        await writeFile(path, (await world.content(version.id)).bytes);
        return rowsOfFile(path, 'read_parquet');
      }),
    );
    const [cleanRows, quarantinedRows] = files;
    expect(quarantinedRows.map((row) => row[0]).sort((a, b) => Number(a) - Number(b))).toEqual(planted.plantedIds);
    const sourcePath = join(directory, 'source.csv');
    await writeFile(sourcePath, planted.csv);
    const expected = (await rowsOfFile(sourcePath, 'read_csv'))
      .filter((row) => !planted.plantedIds.includes(Number(row[0])))
      .map((row) => [...row, String(row[1]).split('@')[1]]);
    expect(cleanRows).toEqual(expected);
  });

  it('is a lineage node that consumed its inputs and produced its outputs, exported as OpenLineage START and COMPLETE', async () => {
    const exported = await api('GET', `/lineage/runs/${run.id}/openlineage`);
    const names = (datasets: Json[]) => datasets.map((dataset) => dataset.name).sort();

    expect(exported.status).toBe(200);
    const events = exported.body.events as Json[];
    expect(events.map((event) => event.eventType)).toEqual(['START', 'COMPLETE']);
    expect(events[0]).toMatchObject({ run: { runId: run.id }, job: { name: `pipelines/${pipeline.id}` } });
    expect(names(events[1].inputs)).toEqual(
      [`dataset-versions/${rawVersionId}`, `dataset-versions/${regionsVersionId}`].sort(),
    );
    expect(names(events[1].outputs)).toEqual(
      (run.outputs as Json[]).map((output) => `dataset-versions/${output.versionId}`).sort(),
    );
  });

  it('publishes started and succeeded, relayed from the outbox to the context’s stream', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? '');
    try {
      const published = await waitFor(
        async () => {
          const entries = (await redis.xrange('events.data-pipeline', '-', '+')) as [string, string[]][];
          const envelopes: Json[] = entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('envelope') + 1]));
          const ofRun = envelopes.filter((envelope) => envelope.payload.runId === run.id);
          return ofRun.length === 2 && ofRun;
        },
        { what: 'the run’s two events on the stream' },
      );
      expect(published.map((envelope: Json) => envelope.type)).toEqual([
        'data-pipeline.pipeline-run.started.v1',
        'data-pipeline.pipeline-run.succeeded.v1',
      ]);
      expect(published[1].payload).toMatchObject({ pipelineId: pipeline.id, pipelineVersion: 1, attempt: 1 });
      expect(published[1].payload.outputs).toHaveLength(2);
    } finally {
      redis.disconnect();
    }
  });

  it('fails a run whose error checks fail without quarantine, naming them; a retry is its next attempt', async () => {
    const revised = await api('PUT', `/pipelines/${pipeline.id}`, { definition: definition(false) });
    expect(revised.body.version.number).toBe(2);

    const started = await api('POST', `/pipelines/${pipeline.id}/runs`, { version: 2 });
    const failed = await finished(started.body.id);

    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^step checked: .*email present.*region exists/);
    expect((failed.steps as Json[]).map((step) => step.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'skipped',
    ]);
    expect(failed.outputs).toEqual([]);
    const retried = await api('POST', `/pipeline-runs/${failed.id}/retry`);
    expect(retried.body).toMatchObject({ status: 'queued', attempt: 2 });
    expect(await finished(failed.id)).toMatchObject({ status: 'failed', attempt: 2 });
    const exported = await api('GET', `/lineage/runs/${failed.id}/openlineage`);
    expect((exported.body.events as Json[]).map((event) => event.eventType)).toEqual(['START', 'FAIL']);
  }, 120_000);

  it('cancels a queued run; the worker then leaves it cancelled and runs none of its steps', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: null });
    const queue = new Queue('data-pipeline.pipeline-runs', { connection: redis, prefix: '{data-pipeline}' });
    try {
      await queue.pause();
      const started = await api('POST', `/pipelines/${pipeline.id}/runs`, { version: 1 });
      const cancelled = await api('POST', `/pipeline-runs/${started.body.id}/cancel`);
      await queue.resume();
      await waitFor(
        async () => (await queue.getJobCounts('wait', 'active')).wait === 0 && (await queue.getActiveCount()) === 0,
        {
          what: 'the cancelled run’s job to be taken',
        },
      );

      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const read = await api('GET', `/pipeline-runs/${started.body.id}`);
      expect(read.body.status).toBe('cancelled');
      expect((read.body.steps as Json[]).every((step) => step.status === 'skipped')).toBe(true);
      expect((await api('POST', `/pipeline-runs/${started.body.id}/cancel`)).status).toBe(409);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });

  it('answers the first run to an Idempotency-Key sent again', async () => {
    const send = () =>
      fetch(`${world.app.url}/api/v1/pipelines/${pipeline.id}/runs`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${world.editor.tokens.accessToken}`,
          'content-type': 'application/json',
          'idempotency-key': 'nightly-2026-12-07',
        },
        body: JSON.stringify({ version: 1 }),
      });
    const [first, second] = [await send(), await send()];
    const [firstBody, secondBody] = [(await first.json()) as Json, (await second.json()) as Json];
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(secondBody.id).toBe(firstBody.id);
    await finished(firstBody.id);
  }, 120_000);

  it('answers 400 for a malformed definition and 422 for one that does not fit the project, as problems', async () => {
    const create = (definitionBody: unknown) =>
      api('POST', `/projects/${world.projectId}/pipelines`, { name: 'bad', definition: definitionBody });
    const malformed = await create({
      steps: [
        { name: 'a', kind: 'transform', input: 'nowhere', operations: [{ op: 'sample', fraction: 0.5 }] },
        { name: 'b', kind: 'load', input: 'a', dataset: 'customers-clean' },
      ],
    });
    const unfit = await create({
      steps: [
        { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: rawVersionId } },
        {
          name: 't',
          kind: 'transform',
          input: 'raw',
          operations: [
            { op: 'select', columns: ['id', 'nope'] },
            { op: 'filter', expression: 'id IN (SELECT 1)' },
          ],
        },
        { name: 'out', kind: 'load', input: 't', dataset: 'no-such-dataset' },
      ],
    });

    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(malformed.body.errors).toEqual([
      { field: 'steps[0]', message: 'reads nowhere, which is not an earlier step' },
    ]);
    expect(unfit.status).toBe(422);
    expect((unfit.body.errors as Json[]).map((error) => String(error.field)).sort()).toEqual([
      'steps[1].operations[0].columns',
      'steps[1].operations[1].expression',
      'steps[2].dataset',
    ]);
  });

  it('reads the pipeline with its latest version, each version as stored, and its runs newest first', async () => {
    const read = await api('GET', `/pipelines/${pipeline.id}`);
    const first = await api('GET', `/pipelines/${pipeline.id}/versions/1`);
    const runs = await api('GET', `/pipelines/${pipeline.id}/runs?limit=200`);
    const listed = await api('GET', `/projects/${world.projectId}/pipelines`);

    expect(read.body).toMatchObject({ id: pipeline.id, latestVersion: 2, version: { number: 2 } });
    expect(first.body.definition.steps[3]).toMatchObject({ quarantine: { dataset: 'customers-quarantine' } });
    expect((await api('GET', `/pipelines/${pipeline.id}/versions/3`)).status).toBe(404);
    const created = (runs.body.items as Json[]).map((item) => Date.parse(item.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((runs.body.items as Json[]).map((item) => item.id)).toContain(run.id);
    expect((listed.body.items as Json[]).map((item) => item.name)).toEqual(['customers-cleaning']);
  });

  it('answers 404 to another project for the pipeline, its versions, runs and run actions', async () => {
    const outsider = world.outsider.client;
    const paths = [
      ['GET', `/api/v1/pipelines/${pipeline.id}`],
      ['GET', `/api/v1/pipelines/${pipeline.id}/versions/1`],
      ['GET', `/api/v1/pipelines/${pipeline.id}/runs`],
      ['POST', `/api/v1/pipelines/${pipeline.id}/runs`],
      ['GET', `/api/v1/pipeline-runs/${run.id}`],
      ['POST', `/api/v1/pipeline-runs/${run.id}/cancel`],
      ['PUT', `/api/v1/pipelines/${pipeline.id}`],
    ] as const;
    for (const [method, path] of paths) {
      const answer = await outsider.call(method, path, method === 'GET' ? undefined : { definition: { steps: [] } });
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
    const listed = await outsider.call('GET', `/api/v1/projects/${world.outsiderProjectId}/pipelines`);
    expect(listed.body.items).toEqual([]);
  });
});
