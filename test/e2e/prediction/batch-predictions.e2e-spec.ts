/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { createWorkflow, waitForRun } from '../workflows-support.js';
import { approvedOnnxVersion, deployChampion } from '../../support/prediction/onnx-deployments.js';
import {
  expectedScores,
  featureRows,
  FEATURES_SCHEMA,
  outputRowsOf,
  SCORED_SCHEMA,
} from '../../support/prediction/batch-rows.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

jest.setTimeout(scaled(240_000));

const ROWS = 100_000;

describe('batch predictions over a dataset version (in-process ONNX, PostgreSQL, Redis, DuckDB)', () => {
  let world: RegistryWorld;
  let deploymentId: string;
  let inputVersionId: string;
  let scoredId: string;
  let featuresId: string;
  let modelVersionId: string;
  const api = (method: string, path: string, body?: unknown) =>
    world.editor.client.call(method, `/api/v1${path}`, body);

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem(
      {},
      'user-management,workflow-engine,model-registry,data-pipeline,prediction',
    );
    const modelId = (await world.model('churn')).id as string;
    modelVersionId = await approvedOnnxVersion(world, modelId);
    deploymentId = await deployChampion(world, 'churn', modelVersionId);

    const features = await api('POST', `/projects/${world.projectId}/datasets`, {
      name: 'features',
      schema: FEATURES_SCHEMA,
    });
    const scored = await api('POST', `/projects/${world.projectId}/datasets`, {
      name: 'scored',
      schema: SCORED_SCHEMA,
    });
    scoredId = scored.body.id;
    featuresId = features.body.id;
    const uploaded = await fetch(`${world.app.url}/api/v1/datasets/${features.body.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.editor.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: featureRows(ROWS),
    });
    expect(uploaded.status).toBe(201);
    inputVersionId = ((await uploaded.json()) as Json).id;
  });
  afterAll(async () => {
    await world?.close();
  });

  const finished = (id: string) =>
    waitFor(
      async () => {
        const answer = await api('GET', `/batch-predictions/${id}`);
        return ['succeeded', 'failed', 'cancelled'].includes(answer.body.status) && answer.body;
      },
      { timeoutMs: 180_000, intervalMs: 250, what: 'the batch prediction to finish' },
    );

  it('writes an output version with one prediction per row, the values computed by hand', async () => {
    const started = await api('POST', `/deployments/${deploymentId}/batch-predictions`, {
      inputVersionId,
      outputDatasetId: scoredId,
      columns: { x: ['a', 'b', 'c'] },
      chunkSize: 25_000,
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', variant: 'champion', totalRows: ROWS, chunksDone: 0 });

    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', chunksDone: 4, rowsDone: ROWS, error: null });
    const output = await api('GET', `/dataset-versions/${job.outputVersionId}`);
    expect(output.body).toMatchObject({ datasetId: scoredId, rowCount: ROWS, producer: { kind: 'batch-prediction' } });

    const rows = await outputRowsOf(world.app.url, job.outputVersionId, world.editor.tokens.accessToken);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(ROWS);
    for (const index of [0, 1, 2, 3, 4, 24_999, 25_000, 77_777, 99_999]) {
      const row = rows.find((candidate) => candidate.id === index);
      const [y0, y1] = expectedScores(index);
      expect(row?.y_0).toBeCloseTo(y0, 4);
      expect(row?.y_1).toBeCloseTo(y1, 4);
    }
    // By hand: row 1 has a = 1, b = 0.5, c = 0: [1, 0.5, 0]·W + b = [1 + 1.5 + 0.5, 2 + 2 - 1].
    expect(rows.find((row) => row.id === 1)).toMatchObject({ a: 1, b: 0.5, c: 0, y_0: 3, y_1: 3 });

    const graph = await waitFor(
      async () => {
        const answer = await api('GET', `/lineage/batch-prediction/${job.id}?direction=both&depth=1`);
        return answer.status === 200 && (answer.body.edges as Json[]).length === 3 && answer.body;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'the batch prediction in the lineage graph' },
    );
    const edges = (graph.edges as Json[]).map(
      (edge) => `${edge.from.type}:${edge.from.id} ${edge.kind} ${edge.to.type}:${edge.to.id}`,
    );
    expect(edges.sort()).toEqual(
      [
        `batch-prediction:${job.id} produced dataset-version:${job.outputVersionId}`,
        `dataset-version:${inputVersionId} consumed batch-prediction:${job.id}`,
        `model-version:${job.modelVersionId} consumed batch-prediction:${job.id}`,
      ].sort(),
    );
  });

  it('predicts with a bare model version, no deployment, into a Parquet version', async () => {
    const uploaded = await fetch(`${world.app.url}/api/v1/datasets/${featuresId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.editor.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: featureRows(2_000),
    });
    expect(uploaded.status).toBe(201);
    const smallInput = ((await uploaded.json()) as Json).id as string;

    const started = await api('POST', `/projects/${world.projectId}/batch-predictions`, {
      modelVersionId,
      inputVersionId: smallInput,
      outputDatasetId: scoredId,
      columns: { x: ['a', 'b', 'c'] },
      chunkSize: 500,
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', deploymentId: null, variant: null, modelVersionId });

    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', chunksDone: 4, rowsDone: 2_000 });
    const rows = (await outputRowsOf(world.app.url, job.outputVersionId, world.editor.tokens.accessToken)) as Json[];
    expect(rows).toHaveLength(2_000);
    for (const index of [0, 1, 499, 500, 1_999]) {
      const row = rows.find((candidate) => candidate.id === index);
      const [y0, y1] = expectedScores(index);
      expect(row.y_0).toBeCloseTo(y0, 4);
      expect(row.y_1).toBeCloseTo(y1, 4);
    }

    // Another project's caller, and a version the project does not have, find nothing.
    const body = { modelVersionId, inputVersionId: smallInput, outputDatasetId: scoredId };
    const outsider = await world.outsider.client.call(
      'POST',
      `/api/v1/projects/${world.projectId}/batch-predictions`,
      body,
    );
    expect(outsider.status).toBe(404);
    const unknown = await api('POST', `/projects/${world.projectId}/batch-predictions`, {
      ...body,
      modelVersionId: '0190a6a0-0000-7000-8000-0000000000ff',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses columns the model does not read, or that the input lacks, with problem+json', async () => {
    const unknown = await api('POST', `/deployments/${deploymentId}/batch-predictions`, {
      inputVersionId,
      outputDatasetId: scoredId,
      columns: { z: 'a' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const missing = await api('POST', `/deployments/${deploymentId}/batch-predictions`, {
      inputVersionId,
      outputDatasetId: scoredId,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'columns.x', message: 'the input version has no column x_0' });
  });

  it('cancels a queued job, and answers 404 for another project', async () => {
    const started = await api('POST', `/deployments/${deploymentId}/batch-predictions`, {
      inputVersionId,
      outputDatasetId: scoredId,
      columns: { x: ['a', 'b', 'c'] },
      chunkSize: 1_000,
    });
    const cancelled = await api('POST', `/batch-predictions/${started.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api('POST', `/batch-predictions/${started.body.id}/cancel`)).status).toBe(409);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'cancelled', outputVersionId: null });

    const outsider = world.outsider.client;
    expect((await outsider.call('GET', `/api/v1/batch-predictions/${started.body.id}`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/deployments/${deploymentId}/batch-predictions`)).status).toBe(404);
    const listed = await api('GET', `/deployments/${deploymentId}/batch-predictions`);
    expect((listed.body.items as Json[]).map((item) => item.id)).toContain(started.body.id);
  });

  it('runs as the prediction.batch task of a workflow, which waits for it and outputs the new version', async () => {
    const workflowId = await createWorkflow(world.editor.client, world.projectId, {
      name: 'nightly-scoring',
      tasks: [
        {
          id: 'score',
          type: 'prediction.batch',
          params: {
            deploymentId,
            inputVersionId,
            outputDatasetId: scoredId,
            columns: { x: ['a', 'b', 'c'] },
            chunkSize: 50_000,
            pollSeconds: 1,
          },
        },
      ],
    });
    const started = await api('POST', `/workflows/${workflowId}/runs`, { params: {} });
    expect(started.status).toBe(201);
    const finished = await waitForRun(world.editor.client, started.body.id as string, undefined, 120_000);
    expect(finished.state).toBe('succeeded');
    const outputs = (finished.taskRuns as Json[])[0].outputs;
    expect(outputs).toMatchObject({ rowCount: ROWS });
    const job = await api('GET', `/batch-predictions/${outputs.batchPredictionId}`);
    expect(job.body).toMatchObject({ status: 'succeeded', outputVersionId: outputs.outputVersionId });
    expect(outputs.modelVersionId).toBe(job.body.modelVersionId);
  });
});
