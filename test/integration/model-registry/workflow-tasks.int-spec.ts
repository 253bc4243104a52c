import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { newId } from '@libs/ddd';
import { ObjectStore } from '@libs/storage';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { RegisterVersionFromTaskHandler } from '../../../src/contexts/model-registry/application/register-version-from-task/register-version-from-task.handler.js';
import { ReviewModelVersionHandler } from '../../../src/contexts/model-registry/application/review-model-version/review-model-version.handler.js';
import { SetAliasFromTaskHandler } from '../../../src/contexts/model-registry/application/set-alias-from-task/set-alias-from-task.handler.js';
import { SetPromotionPolicyHandler } from '../../../src/contexts/model-registry/application/set-promotion-policy/set-promotion-policy.handler.js';
import type { TaskInvocation } from '../../../src/contexts/model-registry/application/services/task-invocation.js';
import { GetModelVersionHandler } from '../../../src/contexts/model-registry/application/get-model-version/get-model-version.handler.js';
import { GetModelVersionLineageHandler } from '../../../src/contexts/model-registry/application/get-model-version-lineage/get-model-version-lineage.handler.js';
import { TEST_AUTH_ENV } from '../../support/test-admin.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('the model workflow tasks, as the engine will run them', () => {
  let app: TestApp;
  let directory: string;
  let store: ObjectStore;
  const get = <T>(type: abstract new (...args: never[]) => T): T => app.app.get(type, { strict: false });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'registry-tasks-'));
    Object.assign(process.env, TEST_AUTH_ENV, { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory });
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES);
    store = get(ObjectStore);
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.STORAGE_DRIVER;
    delete process.env.STORAGE_DIR;
    await rm(directory, { recursive: true, force: true });
  });

  function invocation(projectId = newId()): TaskInvocation {
    return { projectId, runId: newId(), taskId: 'register', workflowId: newId(), actorId: newId() };
  }

  async function upstreamArtifact(run: TaskInvocation, bytes: Buffer): Promise<string> {
    const key = `runs/${run.runId}/train/model.onnx`;
    await store.put(key, Readable.from([bytes]), { maxBytes: bytes.length });
    return `objects:///${key}`;
  }

  it('registers a version from the upstream artifact, copied with its SHA-256, whose lineage names the run', async () => {
    const run = invocation();
    const bytes = randomBytes(50_000);
    const outputs = await get(RegisterVersionFromTaskHandler).execute({
      invocation: run,
      params: {
        model: 'from-workflow',
        artifactUri: await upstreamArtifact(run, bytes),
        framework: 'onnx',
        metrics: { auc: 0.93 },
        trainingDatasets: [{ datasetVersionId: newId(), name: 'train-set' }],
      },
    });
    expect(outputs).toMatchObject({ versionNumber: 1, sha256: sha256(bytes), status: 'PendingManualApproval' });

    const version = await get(GetModelVersionHandler).execute({ versionId: outputs.versionId });
    expect(version.artifact?.key).toMatch(/^model-registry\//);
    expect(version.snapshot.registeredBy).toBe(run.actorId);
    const copy = await store.get(version.artifact!.key);
    expect(copy.sha256).toBe(sha256(bytes));
    copy.body.destroy();

    const lineage = await get(GetModelVersionLineageHandler).execute({ versionId: outputs.versionId });
    expect(lineage.nodes).toContainEqual(expect.objectContaining({ id: `run:${run.runId}`, kind: 'run' }));
    expect(lineage.edges).toContainEqual({ from: `run:${run.runId}`, to: lineage.root, kind: 'output' });
    expect(lineage.nodes).toContainEqual(
      expect.objectContaining({ kind: 'job', name: `workflows/${run.workflowId}/tasks/register` }),
    );
  });

  it('finishes the version of its first attempt when the task is retried', async () => {
    const run = invocation();
    const params = {
      model: 'retried',
      artifactUri: await upstreamArtifact(run, randomBytes(1000)),
      framework: 'sklearn' as const,
    };
    const first = await get(RegisterVersionFromTaskHandler).execute({ invocation: run, params });
    const again = await get(RegisterVersionFromTaskHandler).execute({ invocation: run, params });
    expect(again).toEqual(first);
  });

  it('refuses artifacts outside the platform store and objects that are not there', async () => {
    const run = invocation();
    const register = (artifactUri: string) =>
      get(RegisterVersionFromTaskHandler).execute({
        invocation: run,
        params: { model: 'nowhere', artifactUri, framework: 'onnx' },
      });
    await expect(register('s3://someone-elses-bucket/model.onnx')).rejects.toMatchObject({ type: 'validation-failed' });
    await expect(register('objects:///../escape')).rejects.toMatchObject({ type: 'validation-failed' });
    await expect(register('objects:///runs/missing/model.onnx')).rejects.toMatchObject({ type: 'not-found' });
  });

  it('moves an alias through its policy, so a task cannot promote what a person could not', async () => {
    const run = invocation();
    const registered = await get(RegisterVersionFromTaskHandler).execute({
      invocation: run,
      params: { model: 'promoted', artifactUri: await upstreamArtifact(run, randomBytes(100)), framework: 'pytorch' },
    });
    await get(SetPromotionPolicyHandler).execute({
      modelId: registered.modelId,
      alias: 'champion',
      policy: { protected: true, rules: [] },
    });
    const setAlias = () =>
      get(SetAliasFromTaskHandler).execute({
        invocation: { ...run, taskId: 'promote' },
        params: { model: 'promoted', alias: 'champion', versionNumber: registered.versionNumber },
      });
    await expect(setAlias()).rejects.toMatchObject({
      type: 'promotion-refused',
      errors: [expect.objectContaining({ field: 'protected-alias' })],
    });

    await get(ReviewModelVersionHandler).execute({
      versionId: registered.versionId,
      decision: 'Approved',
      comment: 'second pair of eyes',
      actorId: newId(),
    });
    expect(await setAlias()).toEqual({ alias: 'champion', versionId: registered.versionId, aliasVersion: 1 });
    // A retried task whose first attempt moved the alias is done, not refused.
    expect(await setAlias()).toEqual({ alias: 'champion', versionId: registered.versionId, aliasVersion: 1 });
  });
});
