import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import { ADMIN, Client, newUser } from '../e2e/user-management/auth-client.js';
import { exitOf, PlatformLives } from '../support/platform-lives.js';
import { parquetRows } from '../support/prediction/parquet-rows.js';
import { expectedScores, featureRows, FEATURES_SCHEMA, SCORED_SCHEMA } from '../support/prediction/batch-rows.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../support/prediction/linear-model.js';
import { clientOf, projectOwner } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

// A dead worker's job is taken over once its lock expires and the next stalled-job check runs (BullMQ's 30 s defaults).
jest.setTimeout(scaled(300_000));

const ROWS = 100_000;
const CHUNK = 10_000;
const SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};

describe('a batch prediction whose worker is killed mid-job', () => {
  let directory: string;
  let lives: PlatformLives;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'batch-crash-'));
    lives = new PlatformLives({
      APP_CONTEXTS: 'user-management,model-registry,data-pipeline,prediction',
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: join(directory, 'objects'),
      DATA_ENGINE_TEMP_DIR: join(directory, 'engine'),
    });
  });

  afterAll(async () => {
    await lives.killAll();
    await rm(directory, { recursive: true, force: true });
  });

  it('resumes from the last counted chunk: the output holds each input row exactly once', async () => {
    // Chunks 0-3 are counted; chunk 4 is written and the worker dies before counting it.
    const first = await lives.start({ CRASH_POINTS: 'prediction.batch-prediction.before-counting-chunk-4' });
    const world = await projectOwner(first);
    const api = (method: string, path: string, body?: unknown, as = world.owner) =>
      clientOf(as, lives.current).call(method, `/api/v1${path}`, body);
    const anonymous = new Client(first.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const approver = await newUser(admin, anonymous);
    await api('PUT', `/projects/${world.projectId}/members/${approver.id}`, { role: 'owner' });

    const model = await api('POST', `/projects/${world.projectId}/models`, { name: 'churn' });
    const version = await api('POST', `/models/${model.body.id}/versions`, { framework: 'onnx', signature: SIGNATURE });
    const artifact = await fetch(`${first.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${world.owner.tokens.accessToken}`,
        'content-type': 'application/octet-stream',
      },
      body: linearModel(LINEAR_WEIGHTS, LINEAR_BIAS),
    });
    expect(artifact.status).toBe(200);
    const approval = { decision: 'Approved', comment: 'hand-checked' };
    expect((await api('POST', `/model-versions/${version.body.id}/approval`, approval, approver)).status).toBe(200);
    const deployment = await api('POST', `/projects/${world.projectId}/deployments`, {
      name: 'churn',
      variants: [{ name: 'champion', model: version.body.id, runtime: 'onnx' }],
    });
    expect(deployment.status).toBe(201);
    const features = await api('POST', `/projects/${world.projectId}/datasets`, {
      name: 'features',
      schema: FEATURES_SCHEMA,
    });
    const scored = await api('POST', `/projects/${world.projectId}/datasets`, {
      name: 'scored',
      schema: SCORED_SCHEMA,
    });
    const upload = await fetch(`${first.url}/api/v1/datasets/${features.body.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.owner.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: featureRows(ROWS),
    });
    expect(upload.status).toBe(201);
    const input = (await upload.json()) as Json;

    const started = await api('POST', `/deployments/${deployment.body.id}/batch-predictions`, {
      inputVersionId: input.id,
      outputDatasetId: scored.body.id,
      columns: { x: ['a', 'b', 'c'] },
      chunkSize: CHUNK,
    });
    expect(started.status).toBe(202);
    expect(await exitOf(first, 'the crash point before chunk 4 is counted')).toEqual({ code: null, signal: 'SIGKILL' });

    await lives.start({});
    const interrupted = await api('GET', `/batch-predictions/${started.body.id}`);
    expect(interrupted.body).toMatchObject({ status: 'running', chunksDone: 4, rowsDone: 4 * CHUNK });
    const job = await waitFor(
      async () => {
        const answer = await api('GET', `/batch-predictions/${started.body.id}`);
        return answer.body.status !== 'running' && answer.body;
      },
      { timeoutMs: 180_000, intervalMs: 500, what: 'the resumed batch prediction to finish' },
    );
    expect(job).toMatchObject({ status: 'succeeded', chunksDone: ROWS / CHUNK, rowsDone: ROWS });

    const versions = (await api('GET', `/datasets/${scored.body.id}/versions`)).body.items as Json[];
    expect(versions.map((item) => item.id)).toEqual([job.outputVersionId]);
    const content = await fetch(`${lives.current.url}/api/v1/dataset-versions/${job.outputVersionId}/content`, {
      headers: { authorization: `Bearer ${world.owner.tokens.accessToken}` },
    });
    // The output version is Parquet: the input's columns with the prediction columns, as the dataset declares them.
    expect(content.headers.get('content-type')).toContain('parquet');
    const rows = (await parquetRows(new Uint8Array(await content.arrayBuffer()))) as Json[];
    expect(rows).toHaveLength(ROWS);
    const ids = rows.map((row) => row.id as number).sort((left, right) => left - right);
    expect(ids).toEqual(Array.from({ length: ROWS }, (_, id) => id));
    for (const id of [0, 39_999, 40_000, 49_999, 50_000, 99_999]) {
      const row = rows.find((candidate) => candidate.id === id);
      const [y0, y1] = expectedScores(id);
      expect(row.y_0).toBeCloseTo(y0, 4);
      expect(row.y_1).toBeCloseTo(y1, 4);
    }
  });
});
