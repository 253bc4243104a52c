import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { registryServices } from '../../../../../test/support/model-registry/registry-services.js';
import { aModel, PROJECT, REGISTRANT } from '../../../../../test/support/model-registry/registry-objects.js';
import { SelfApprovalForbidden, TrainingDataBlocked } from '../../domain/errors.js';
import type { TaskInvocation } from '../services/task-invocation.js';
import { RegisterVersionFromTaskHandler } from './register-version-from-task.handler.js';

const invocation: TaskInvocation = { projectId: PROJECT, runId: 'run-1', taskId: 'register', actorId: REGISTRANT };
const params = { model: 'churn', artifactUri: 'objects:///runs/run-1/model.onnx', framework: 'onnx' } as const;

async function arrange() {
  const ports = fakeModelRegistryPorts();
  const store = new InMemoryObjectStore();
  const settings = new FakeArtifactSettings();
  await store.put('runs/run-1/model.onnx', Readable.from([Buffer.from('weights')]), { maxBytes: 100 });
  const services = registryServices(ports, store, settings);
  const handler = new RegisterVersionFromTaskHandler(
    ports.models,
    ports.versions,
    store,
    settings,
    services.modelRegistration,
    services.versionRegistration,
    services.artifactAttachment,
    ports.trainingData,
  );
  return { ports, store, handler };
}

describe('RegisterVersionFromTaskHandler', () => {
  it('registers the model and a version with the run as its source and a copy of the upstream artifact', async () => {
    const { ports, store, handler } = await arrange();

    const outputs = await handler.execute({ invocation, params });

    const version = ports.versions.rows.get(outputs.versionId)?.state;
    expect(outputs).toEqual({
      modelId: version?.modelId,
      versionId: version?.id,
      versionNumber: 1,
      sha256: (await store.head('runs/run-1/model.onnx'))?.sha256,
      status: 'PendingManualApproval',
    });
    expect(version?.source).toEqual({ runId: 'run-1', taskId: 'register', workflowId: undefined });
    expect(version?.artifact?.key).not.toBe('runs/run-1/model.onnx');
    expect(store.objects.get(version!.artifact!.key)?.bytes.toString()).toBe('weights');
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'model-registry.model.registered.v1',
      'model-registry.model-version.created.v1',
      'model-registry.model-version.artifact-uploaded.v1',
    ]);
  });

  it('finishes the version a retried task made instead of making another', async () => {
    const { ports, handler } = await arrange();
    const first = await handler.execute({ invocation, params });

    const retried = await handler.execute({ invocation, params });

    expect(retried).toEqual(first);
    expect(ports.versions.rows.size).toBe(1);
  });

  it('makes the run actor the registrant, so four eyes still hold', async () => {
    const { ports, handler } = await arrange();

    const { versionId } = await handler.execute({ invocation, params });

    const version = await ports.versions.find(versionId);
    expect(() =>
      version?.decide({
        decision: 'Approved',
        comment: '',
        actorId: REGISTRANT,
        selfApprovalAllowed: false,
        at: new Date(),
      }),
    ).toThrow(SelfApprovalForbidden);
  });

  it('adds to the model of that name in the run project', async () => {
    const { ports, handler } = await arrange();
    const model = aModel({ name: 'churn' });
    ports.models.add(model);

    const outputs = await handler.execute({ invocation, params: { ...params, createModel: false } });

    expect(outputs.modelId).toBe(model.id);
  });

  it('answers not found for a missing model it may not create, even when another project has one', async () => {
    const { ports, handler } = await arrange();
    ports.models.add(aModel({ projectId: 'project-2', name: 'churn' }));

    await expect(handler.execute({ invocation, params: { ...params, createModel: false } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses an artifact URI outside the platform store, and answers not found for a missing object', async () => {
    const { ports, handler } = await arrange();

    await expect(
      handler.execute({ invocation, params: { ...params, artifactUri: 'https://elsewhere/model.onnx' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      handler.execute({ invocation, params: { ...params, artifactUri: 'objects:///runs/run-1/missing' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.models.rows.size).toBe(0);
  });

  it("answers another project's uploaded object as missing, and registers from its own", async () => {
    const { ports, store, handler } = await arrange();
    const weights = () => Readable.from([Buffer.from('weights')]);
    await store.put('project-objects/another-project/model.onnx', weights(), { maxBytes: 100 });
    await store.put(`project-objects/${PROJECT}/model.onnx`, weights(), { maxBytes: 100 });

    await expect(
      handler.execute({
        invocation,
        params: { ...params, artifactUri: 'objects:///project-objects/another-project/model.onnx' },
      }),
    ).rejects.toThrow('Artifact object objects:///project-objects/another-project/model.onnx was not found');
    expect(ports.models.rows.size).toBe(0);

    const outputs = await handler.execute({
      invocation,
      params: { ...params, artifactUri: `objects:///project-objects/${PROJECT}/model.onnx` },
    });
    expect(outputs.versionNumber).toBe(1);
  });

  describe('with training datasets and a blockOn', () => {
    const TRAINED_ON = '0190d7a8-0000-7000-8000-0000000000d1';
    const warned = {
      datasetVersionId: TRAINED_ON,
      checkRunId: 'check-run-1',
      name: 'emails present',
      outcome: 'warn' as const,
      observedValue: 2,
      threshold: '> 0 rows',
    };
    const trained = (blockOn?: 'error' | 'warn' | 'none') => ({
      ...params,
      trainingDatasets: [{ datasetVersionId: TRAINED_ON, name: 'customers' }],
      ...(blockOn && { blockOn }),
    });

    it('refuses before registering anything when a check reaches blockOn, naming each check', async () => {
      const { ports, handler } = await arrange();
      ports.trainingData.checks.push(warned);

      const refused = handler.execute({ invocation, params: trained('warn') });

      await expect(refused).rejects.toBeInstanceOf(TrainingDataBlocked);
      await expect(refused).rejects.toMatchObject({
        message: 'The training data is blocked (blockOn: warn) by 1 of its checks',
        errors: [
          {
            field: `trainingDatasets.${TRAINED_ON}`,
            message: '"emails present" warn (observed 2, threshold > 0 rows) in check run check-run-1',
          },
        ],
      });
      expect(ports.trainingData.asked).toEqual([
        { projectId: PROJECT, datasetVersionIds: [TRAINED_ON], blockOn: 'warn' },
      ]);
      expect(ports.models.rows.size + ports.versions.rows.size).toBe(0);
    });

    it('registers when the checks stay under blockOn, and asks nothing for blockOn none or by default', async () => {
      const { ports, handler } = await arrange();
      ports.trainingData.checks.push(warned);

      await expect(handler.execute({ invocation, params: trained('error') })).resolves.toMatchObject({
        versionNumber: 1,
      });
      await handler.execute({ invocation: { ...invocation, runId: 'run-2' }, params: trained('none') });
      await handler.execute({ invocation: { ...invocation, runId: 'run-3' }, params: trained() });

      expect(ports.trainingData.asked).toHaveLength(1);
      expect(ports.versions.rows.size).toBe(3);
    });
  });
});
