import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectStore } from '@libs/storage';
import { scaled, waitFor } from '@libs/testing';
import { newUser, type NewUser } from '../user-management/auth-client.js';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'email', type: 'string', nullable: true },
  ],
  primaryKey: ['id'],
};
/** Two of five emails missing: a warning for the suite below, never a failure. */
const CUSTOMERS = 'id,email\n1,a@example.org\n2,\n3,c@example.org\n4,\n5,e@example.org\n';
const WARNING_SUITE = {
  checks: [
    { name: 'ids unique', kind: 'unique', columns: ['id'] },
    { name: 'emails present', kind: 'not_null', column: 'email', severity: 'warn' },
  ],
};

/** The same suite gates two consumers of one version: one blocks on errors only, the other on warnings too. */
const GATED_TRAINING = {
  name: 'gated-training',
  params: { type: 'object', required: ['version'], properties: { version: { type: 'string' } } },
  tasks: [
    {
      id: 'gate-error',
      type: 'data.validate',
      params: { datasetVersionId: '${{ params.version }}', suite: WARNING_SUITE, blockOn: 'error' },
    },
    {
      id: 'gate-warn',
      type: 'data.validate',
      params: { datasetVersionId: '${{ params.version }}', suite: WARNING_SUITE, blockOn: 'warn' },
    },
    { id: 'train-tolerant', type: 'noop', dependsOn: ['gate-error'], params: { outputs: { trained: true } } },
    { id: 'train-strict', type: 'noop', dependsOn: ['gate-warn'], params: { outputs: { trained: true } } },
  ],
};

describe('data task types run by the workflow engine on the data pipeline’s queue', () => {
  let world: WorkflowWorld;
  let outsider: NewUser;
  let outsiderProjectId: string;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'data-tasks-e2e-'));
    world = await startWorkflowWorld(
      { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory, DATA_ENGINE_TEMP_DIR: join(directory, 'engine') },
      `${WORKFLOW_CONTEXTS},data-pipeline,model-registry`,
    );
    outsider = await newUser(world.admin, world.anonymous);
    outsiderProjectId = (await outsider.client.call('POST', '/api/v1/projects', { name: `elsewhere-${Date.now()}` }))
      .body.id as string;
  });
  afterAll(async () => {
    await world?.app.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function dataset(as: NewUser = world.owner, projectId = world.projectId): Promise<string> {
    const created = await as.client.call('POST', `/api/v1/projects/${projectId}/datasets`, {
      name: `customers-${randomUUID()}`,
      schema: SCHEMA,
    });
    if (created.status !== 201) throw new Error(`dataset: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id as string;
  }

  async function upload(datasetId: string, as: NewUser = world.owner): Promise<string> {
    const response = await fetch(`${world.app.url}/api/v1/datasets/${datasetId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: CUSTOMERS,
    });
    const body = (await response.json()) as Json;
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
    return body.id as string;
  }

  async function run(definition: object, params: object = {}): Promise<Json> {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, { ...definition, name: randomUUID() });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params });
    expect(started.status).toBe(201);
    return started.body;
  }

  const taskRun = (finished: Json, taskId: string): Json =>
    (finished.taskRuns as Json[]).find((candidate) => candidate.taskId === taskId);
  const logOf = async (runId: string, key: string): Promise<string[]> =>
    (
      (await world.owner.client.call('GET', `/api/v1/workflow-runs/${runId}/tasks/${key}/logs`)).body.items as Json[]
    ).map((item) => item.line as string);

  it('lets a blockOn error consumer run past a warning, and blocks the blockOn warn one naming the checks', async () => {
    const version = await upload(await dataset());

    const finished = await waitForRun(world.owner.client, (await run(GATED_TRAINING, { version })).id as string);

    expect(finished.state).toBe('failed');
    const tolerant = taskRun(finished, 'gate-error');
    expect(tolerant).toMatchObject({
      state: 'succeeded',
      outputs: { datasetVersionId: version, verdict: 'warn', counts: { pass: 1, warn: 1, fail: 0 }, blockOn: 'error' },
    });
    expect(taskRun(finished, 'train-tolerant')).toMatchObject({ state: 'succeeded', outputs: { trained: true } });
    const strict = taskRun(finished, 'gate-warn');
    expect(strict.state).toBe('failed');
    expect(strict.error).toMatch(
      new RegExp(`^dataset version ${version} is blocked \\(blockOn: warn\\) by 1 of its checks in check run `),
    );
    expect(strict.error).toContain('"emails present" warn (observed 2, threshold > 0 rows)');
    expect(strict.error).not.toContain('ids unique');
    expect(taskRun(finished, 'train-strict').state).toBe('upstream_failed');
    expect(await logOf(finished.id as string, 'gate-warn')).toContain(
      'blocked by "emails present" warn (observed 2, threshold > 0 rows)',
    );

    // Both tasks recorded their check run as the API would: a report anyone with access can read.
    const report = await world.owner.client.call('GET', `/api/v1/check-runs/${tolerant.outputs.checkRunId}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ versionId: version, status: 'warn' });
    const runs = await world.owner.client.call('GET', `/api/v1/dataset-versions/${version}/check-runs`);
    expect(runs.body.items).toHaveLength(2);
  });

  it('registers a model trained on a warned version under blockOn error, and refuses it under blockOn warn', async () => {
    const version = await upload(await dataset());
    const key = `runs/${randomUUID()}/model.onnx`;
    await world.app.app.get(ObjectStore, { strict: false }).put(key, Readable.from([Buffer.from('weights')]), {
      maxBytes: 7,
    });
    const register = (id: string, blockOn: string) => ({
      id,
      type: 'model.register-version',
      dependsOn: ['validate'],
      params: {
        model: `churn-${id}`,
        artifactUri: `objects:///${key}`,
        framework: 'onnx',
        trainingDatasets: [{ datasetVersionId: version, name: 'customers' }],
        blockOn,
      },
    });

    const finished = await waitForRun(
      world.owner.client,
      (
        await run({
          name: 'trained-on-checked-data',
          tasks: [
            {
              id: 'validate',
              type: 'data.validate',
              params: { datasetVersionId: version, suite: WARNING_SUITE, blockOn: 'none' },
            },
            register('tolerant', 'error'),
            register('strict', 'warn'),
          ],
        })
      ).id as string,
    );

    expect(taskRun(finished, 'validate').outputs).toMatchObject({ verdict: 'warn' });
    expect(taskRun(finished, 'tolerant')).toMatchObject({ state: 'succeeded', outputs: { versionNumber: 1 } });
    const strict = taskRun(finished, 'strict');
    expect(strict.state).toBe('failed');
    expect(strict.error).toBe(
      'The training data is blocked (blockOn: warn) by 1 of its checks; ' +
        `trainingDatasets.${version}: "emails present" warn (observed 2, threshold > 0 rows) in check run ` +
        `${taskRun(finished, 'validate').outputs.checkRunId}`,
    );
    const models = await world.owner.client.call('GET', `/api/v1/projects/${world.projectId}/models`);
    expect((models.body.items as Json[]).map((model) => model.name)).toContain('churn-tolerant');
    expect((models.body.items as Json[]).map((model) => model.name)).not.toContain('churn-strict');
  });

  it('refuses, when the workflow is saved, a blockOn or a duration it cannot read', async () => {
    const saved = await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/workflows`, {
      name: randomUUID(),
      tasks: [
        {
          id: 'gate',
          type: 'data.validate',
          params: { datasetVersionId: randomUUID(), suite: WARNING_SUITE, blockOn: 'sometimes' },
        },
        {
          id: 'fresh',
          type: 'data.await-freshness',
          params: { datasetId: randomUUID(), maxAge: 'a day', timeout: '1h' },
        },
      ],
    });

    expect(saved.status).toBe(400);
    expect(JSON.stringify(saved.body)).toMatch(/blockOn/);
    expect(JSON.stringify(saved.body)).toMatch(/maxAge/);
  });

  it('awaits freshness: at once when a fresh version exists, and after looking again when one arrives', async () => {
    const ready = await dataset();
    const present = await upload(ready);
    const awaited = await dataset();
    const freshness = (datasetId: string) => ({
      name: 'fresh',
      tasks: [
        {
          id: 'fresh',
          type: 'data.await-freshness',
          params: { datasetId, maxAge: '1h', timeout: '10m', pollInterval: '1s' },
        },
      ],
    });

    const immediate = await waitForRun(world.owner.client, (await run(freshness(ready))).id as string);
    const started = await run(freshness(awaited));
    await waitFor(
      async () => (await logOf(started.id as string, 'fresh')).some((line) => line.startsWith('waiting until')),
      {
        what: 'the wait to start',
      },
    );
    const arrived = await upload(awaited);
    const later = await waitForRun(world.owner.client, started.id as string);

    expect(taskRun(immediate, 'fresh')).toMatchObject({
      state: 'succeeded',
      outputs: { datasetId: ready, datasetVersionId: present, versionNumber: 1 },
    });
    expect(taskRun(later, 'fresh')).toMatchObject({
      state: 'succeeded',
      outputs: { datasetId: awaited, datasetVersionId: arrived, versionNumber: 1 },
    });
  });

  it('awaits freshness with a blockOn: the checks already recorded on the fresh version may block it', async () => {
    const datasetId = await dataset();
    const version = await upload(datasetId);
    const checked = await world.owner.client.call(
      'POST',
      `/api/v1/dataset-versions/${version}/check-runs`,
      WARNING_SUITE,
    );
    expect(checked.body.status).toBe('warn');
    const awaiting = (id: string, blockOn: string) => ({
      id,
      type: 'data.await-freshness',
      params: { datasetId, maxAge: '1h', timeout: '1m', blockOn },
    });

    const finished = await waitForRun(
      world.owner.client,
      (await run({ name: 'fresh-and-checked', tasks: [awaiting('tolerant', 'error'), awaiting('strict', 'warn')] }))
        .id as string,
    );

    expect(taskRun(finished, 'tolerant')).toMatchObject({ state: 'succeeded', outputs: { datasetVersionId: version } });
    expect(taskRun(finished, 'strict')).toMatchObject({
      state: 'failed',
      error:
        `dataset version ${version} is fresh but blocked (blockOn: warn) by 1 of its checks: ` +
        '"emails present" warn (observed 2, threshold > 0 rows)',
    });
  });

  it('fails a freshness wait once its timeout has passed with no fresh version', async () => {
    const empty = await dataset();
    const timeoutMs = scaled(2_000);

    const started = await run({
      name: 'stale',
      tasks: [
        {
          id: 'fresh',
          type: 'data.await-freshness',
          params: { datasetId: empty, maxAge: '1h', timeout: `${timeoutMs}ms`, pollInterval: '1s' },
        },
      ],
    });
    const finished = await waitForRun(world.owner.client, started.id as string);

    const fresh = taskRun(finished, 'fresh');
    expect(fresh.state).toBe('failed');
    expect(fresh.error).toMatch(
      new RegExp(`^dataset ${empty} had no version younger than 1h by .*: it has no version$`),
    );
    expect(Date.parse(fresh.finishedAt as string) - Date.parse(fresh.startedAt as string)).toBeGreaterThanOrEqual(
      timeoutMs,
    );
  });

  it('answers not found for another project’s dataset and dataset version', async () => {
    const theirs = await dataset(outsider, outsiderProjectId);
    const theirVersion = await upload(theirs, outsider);

    const finished = await waitForRun(
      world.owner.client,
      (
        await run({
          name: 'trespass',
          tasks: [
            { id: 'gate', type: 'data.validate', params: { datasetVersionId: theirVersion, suite: WARNING_SUITE } },
            { id: 'fresh', type: 'data.await-freshness', params: { datasetId: theirs, maxAge: '1h', timeout: '1m' } },
          ],
        })
      ).id as string,
    );

    expect(taskRun(finished, 'gate')).toMatchObject({
      state: 'failed',
      error: `Dataset version ${theirVersion} was not found`,
    });
    expect(taskRun(finished, 'fresh')).toMatchObject({ state: 'failed', error: `Dataset ${theirs} was not found` });
    const runs = await outsider.client.call('GET', `/api/v1/dataset-versions/${theirVersion}/check-runs`);
    expect(runs.body.items).toEqual([]);
  });
});
