import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectStore } from '@libs/storage';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

/** Train (an upstream task that left its model in the object store), register, then point an alias at it. */
const TRAIN_REGISTER_PROMOTE = {
  name: 'train-register-promote',
  params: { type: 'object', required: ['artifactUri'], properties: { artifactUri: { type: 'string' } } },
  tasks: [
    { id: 'train', type: 'noop', params: { outputs: { modelUri: '${{ params.artifactUri }}', auc: 0.91 } } },
    {
      id: 'register',
      type: 'model.register-version',
      dependsOn: ['train'],
      params: {
        model: 'churn',
        artifactUri: '${{ tasks.train.outputs.modelUri }}',
        framework: 'onnx',
        metrics: { auc: '${{ tasks.train.outputs.auc }}' },
      },
    },
    {
      id: 'promote',
      type: 'model.set-alias',
      dependsOn: ['register'],
      params: { model: 'churn', alias: 'candidate', versionId: '${{ tasks.register.outputs.versionId }}' },
    },
  ],
};

describe('model task types run by the workflow engine on the model registry’s queue', () => {
  let world: WorkflowWorld;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'workflow-model-tasks-'));
    world = await startWorkflowWorld(
      { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory },
      `${WORKFLOW_CONTEXTS},model-registry`,
    );
  });
  afterAll(async () => {
    await world?.app.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function trainedArtifact(bytes: Buffer): Promise<string> {
    const key = `runs/${Date.now()}/model.onnx`;
    await world.app.app
      .get(ObjectStore, { strict: false })
      .put(key, Readable.from([bytes]), { maxBytes: bytes.length });
    return `objects:///${key}`;
  }

  const taskRun = (run: Json, taskId: string): Json =>
    (run.taskRuns as Json[]).find((candidate) => candidate.taskId === taskId);

  it('registers a version whose lineage names the run, and points the alias at it', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, TRAIN_REGISTER_PROMOTE);
    const artifactUri = await trainedArtifact(randomBytes(20_000));
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {
      params: { artifactUri },
    });
    const run = await waitForRun(owner.client, started.body.id as string);
    expect({ state: run.state, errors: (run.taskRuns as Json[]).map((task) => task.error ?? null) }).toEqual({
      state: 'succeeded',
      errors: [null, null, null],
    });

    const registered = taskRun(run, 'register').outputs;
    expect(registered).toMatchObject({ versionNumber: 1, status: 'PendingManualApproval' });
    const version = await owner.client.call('GET', `/api/v1/model-versions/${registered.versionId}`);
    expect(version.body).toMatchObject({ metrics: { auc: 0.91 }, registeredBy: owner.id });
    const lineage = await owner.client.call('GET', `/api/v1/model-versions/${registered.versionId}/lineage`);
    expect(lineage.body.nodes).toContainEqual(expect.objectContaining({ id: `run:${run.id}`, kind: 'run' }));
    expect(lineage.body.edges).toContainEqual({ from: `run:${run.id}`, to: lineage.body.root, kind: 'output' });

    expect(taskRun(run, 'promote').outputs).toEqual({
      alias: 'candidate',
      versionId: registered.versionId,
      aliasVersion: 1,
    });
    const logs = await owner.client.call('GET', `/api/v1/workflow-runs/${run.id}/tasks/register/logs`);
    expect((logs.body.items as Json[]).map((item) => item.line)).toEqual([
      'started model.register-version task, attempt 1',
      'succeeded',
    ]);
  });

  it('registers from an object uploaded through the API, as a user of the filesystem store must', async () => {
    const { owner, projectId } = world;
    const bytes = randomBytes(5_000);
    const uploaded = await fetch(`${world.app.url}/api/v1/projects/${projectId}/objects/trained/model.onnx`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${owner.tokens.accessToken}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(uploaded.status).toBe(200);
    const { uri, sha256 } = (await uploaded.json()) as { uri: string; sha256: string };
    const workflowId = await createWorkflow(owner.client, projectId, {
      ...TRAIN_REGISTER_PROMOTE,
      name: 'register-uploaded-artifact',
    });

    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {
      params: { artifactUri: uri },
    });

    const run = await waitForRun(owner.client, started.body.id as string);
    expect(run.state).toBe('succeeded');
    expect(taskRun(run, 'register').outputs).toMatchObject({ sha256 });
  });

  it('fails the task with the registry’s reason when the artifact is not in the store', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      ...TRAIN_REGISTER_PROMOTE,
      name: 'register-missing-artifact',
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {
      params: { artifactUri: 'objects:///runs/never-written/model.onnx' },
    });
    const run = await waitForRun(owner.client, started.body.id as string);
    expect(run.state).toBe('failed');
    expect(taskRun(run, 'register')).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('objects:///runs/never-written/model.onnx was not found'),
    });
    expect(taskRun(run, 'promote').state).toBe('upstream_failed');
  });
});
