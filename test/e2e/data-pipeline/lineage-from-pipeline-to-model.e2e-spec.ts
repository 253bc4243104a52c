import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectStore } from '@libs/storage';
import { waitFor } from '@libs/testing';
import { startWorkflowWorld, waitForRun, WORKFLOW_CONTEXTS, type WorkflowWorld } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'email', type: 'string', nullable: true },
  ],
  primaryKey: ['id'],
};
/** Row 2 has no email: the pipeline quarantines it, and a later check of the raw data fails on it. */
const RAW = 'id,email\n1,a@example.org\n2,\n3,c@example.org\n';
const EMAILS_PRESENT = { name: 'emails present', kind: 'not_null', column: 'email' };

/**
 * Issue 12's lineage done-when, through the API and the bus: a workflow runs a pipeline, trains
 * outside (an external worker) and registers the model version; the graph then leads from the raw
 * dataset version to that model version, and a failed check of the raw data names it.
 */
describe('the lineage of a model trained by a workflow on a pipeline’s output', () => {
  let world: WorkflowWorld;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lineage-model-e2e-'));
    world = await startWorkflowWorld(
      { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory, DATA_ENGINE_TEMP_DIR: join(directory, 'engine') },
      `${WORKFLOW_CONTEXTS},data-pipeline,model-registry`,
    );
  });
  afterAll(async () => {
    await world?.app.close();
    await rm(directory, { recursive: true, force: true });
  });

  const call = (method: string, path: string, body?: object) => world.owner.client.call(method, path, body);

  async function created(path: string, body: object): Promise<string> {
    const answer = await call('POST', path, body);
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  }

  async function uploadedRawVersion(): Promise<string> {
    const datasetId = await created(`/api/v1/projects/${world.projectId}/datasets`, { name: 'raw', schema: SCHEMA });
    const response = await fetch(`${world.app.url}/api/v1/datasets/${datasetId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.owner.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: RAW,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as Json).id as string;
  }

  async function cleaningPipeline(rawVersionId: string): Promise<string> {
    for (const name of ['clean', 'quarantined'])
      await created(`/api/v1/projects/${world.projectId}/datasets`, { name, schema: SCHEMA });
    return created(`/api/v1/projects/${world.projectId}/pipelines`, {
      name: 'cleaning',
      definition: {
        steps: [
          { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: rawVersionId } },
          {
            name: 'checked',
            kind: 'validate',
            input: 'raw',
            key: ['id'],
            suite: { checks: [EMAILS_PRESENT] },
            quarantine: { dataset: 'quarantined' },
          },
          { name: 'store', kind: 'load', input: 'checked', dataset: 'clean' },
        ],
      },
    });
  }

  /** The external worker: trains on what the pipeline loaded, leaves the model in the store, reports its uri. */
  async function trainOutside(modelKey: string): Promise<Json> {
    const claimed = await waitFor(
      async () => {
        const answer = await call('POST', `/api/v1/projects/${world.projectId}/external-tasks/claim`, {
          queue: 'lineage.training',
          workerId: 'trainer',
          waitSeconds: 1,
        });
        return answer.status === 200 ? answer.body : undefined;
      },
      { timeoutMs: 60_000, what: 'the training task to be offered' },
    );
    await world.app.app.get(ObjectStore, { strict: false }).put(modelKey, Readable.from([Buffer.from('weights')]), {
      maxBytes: 7,
    });
    const completed = await call('POST', `/api/v1/external-tasks/${claimed.taskRunId}/complete`, {
      leaseToken: claimed.leaseToken,
      outputs: { modelUri: `objects:///${modelKey}` },
    });
    expect(completed.status).toBe(204);
    return claimed;
  }

  it('leads from the raw dataset version to the model version, and a failed check of the raw data names the model', async () => {
    const rawVersionId = await uploadedRawVersion();
    const pipelineId = await cleaningPipeline(rawVersionId);
    const clean = '${{ tasks.prep.outputs.loaded.store.versionId }}';
    const workflowId = await created(`/api/v1/projects/${world.projectId}/workflows`, {
      name: `train-on-clean-${randomUUID()}`,
      tasks: [
        { id: 'prep', type: 'data.run-pipeline', params: { pipelineId, pollInterval: '200ms' } },
        { id: 'train', type: 'external', dependsOn: ['prep'], params: { queue: 'lineage.training', data: clean } },
        {
          id: 'register',
          type: 'model.register-version',
          dependsOn: ['train'],
          params: {
            model: 'churn',
            createModel: true,
            artifactUri: '${{ tasks.train.outputs.modelUri }}',
            framework: 'onnx',
            trainingDatasets: [{ datasetVersionId: clean, name: 'clean' }],
          },
        },
      ],
    });
    const runId = await created(`/api/v1/workflows/${workflowId}/runs`, {});
    const claimed = await trainOutside(`runs/${runId}/model.onnx`);

    const finished = await waitForRun(world.owner.client, runId);
    expect(finished.state).toBe('succeeded');
    const outputsOf = (taskId: string): Json =>
      (finished.taskRuns as Json[]).find((taskRun) => taskRun.taskId === taskId).outputs;
    const { pipelineRunId, loaded, quarantined } = outputsOf('prep');
    expect(claimed.params.data).toBe(loaded.store.versionId);
    const modelVersionId = outputsOf('register').versionId as string;

    // The graph is fed by the bus, each context's events in their own time.
    const upstream = await waitFor(
      async () => {
        const answer = await call('GET', `/api/v1/lineage/model-version/${modelVersionId}?direction=upstream&depth=5`);
        const ids = answer.status === 200 ? (answer.body.nodes as Json[]).map((node) => `${node.type}:${node.id}`) : [];
        return ids.includes(`dataset-version:${rawVersionId}`) ? ids : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the graph to reach the raw version' },
    );
    expect(upstream).toEqual(
      expect.arrayContaining([
        `dataset-version:${loaded.store.versionId}`,
        `pipeline-run:${pipelineRunId}`,
        `dataset-version:${rawVersionId}`,
      ]),
    );
    expect(upstream).not.toContain(`dataset-version:${quarantined.checked.versionId}`);

    const checkRun = await call('POST', `/api/v1/dataset-versions/${rawVersionId}/check-runs`, {
      checks: [EMAILS_PRESENT],
    });
    expect([checkRun.status, checkRun.body.status]).toEqual([201, 'fail']);
    const failedResult = (checkRun.body.results as Json[]).find((result) => result.check === EMAILS_PRESENT.name);
    const impact = await waitFor(
      async () => {
        const answer = await call('GET', `/api/v1/lineage/impact?checkResult=${failedResult.id}`);
        const ids = answer.status === 200 ? (answer.body.impacted as Json[]).map((node) => node.id) : [];
        return ids.includes(modelVersionId) ? ids : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the impact query to name the model version' },
    );
    expect(impact).toContain(modelVersionId);
  });
});
