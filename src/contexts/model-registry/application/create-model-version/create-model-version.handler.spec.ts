import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, REGISTRANT } from '../../../../../test/support/model-registry/registry-objects.js';
import { registryServices } from '../../../../../test/support/model-registry/registry-services.js';
import { CreateModelVersionHandler } from './create-model-version.handler.js';

const DATASET_VERSION = '0190f2a4-6c1e-7a3b-9d2e-5f4a3b2c1d0e';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const handler = new CreateModelVersionHandler(registryServices(ports).versionRegistration);
  const model = aModel();
  ports.models.add(model);
  return { ports, handler, model };
}

describe('CreateModelVersionHandler', () => {
  it('registers the next numbered version in the model project, waiting for its artifact', async () => {
    const { ports, handler, model } = arrange();

    const first = await handler.execute({ modelId: model.id, framework: 'onnx', actorId: REGISTRANT });
    const second = await handler.execute({ modelId: model.id, framework: 'sklearn', actorId: REGISTRANT });

    expect([first.snapshot.number, second.snapshot.number]).toEqual([1, 2]);
    expect(second.projectId).toBe(model.projectId);
    expect(second.status).toBe('PendingArtifact');
    expect(ports.versions.rows.get(second.id)?.state.registeredBy).toBe(REGISTRANT);
  });

  it('publishes the creation with its source and training datasets', async () => {
    const { ports, handler, model } = arrange();

    const version = await handler.execute({
      modelId: model.id,
      framework: 'xgboost',
      source: { runId: 'run-1', taskId: 'train' },
      trainingDatasets: [{ datasetVersionId: DATASET_VERSION }],
      actorId: REGISTRANT,
    });

    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.model-version.created.v1',
        payload: {
          versionId: version.id,
          modelId: model.id,
          projectId: model.projectId,
          versionNumber: 1,
          framework: 'xgboost',
          registeredBy: REGISTRANT,
          source: { runId: 'run-1', taskId: 'train' },
          trainingDatasetVersionIds: [DATASET_VERSION],
        },
        subject: { aggregateId: version.id, aggregateVersion: 1 },
      },
    ]);
  });

  it('publishes a null source for a version registered by hand', async () => {
    const { ports, handler, model } = arrange();

    await handler.execute({ modelId: model.id, framework: 'onnx', actorId: REGISTRANT });

    expect(ports.events.published[0]?.payload).toMatchObject({ source: null, trainingDatasetVersionIds: [] });
  });

  it('refuses metrics that are not finite numbers and saves nothing', async () => {
    const { ports, handler, model } = arrange();

    await expect(
      handler.execute({ modelId: model.id, framework: 'onnx', metrics: { auc: Number.NaN }, actorId: REGISTRANT }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(ports.versions.rows.size).toBe(0);
    expect(ports.events.published).toEqual([]);
  });

  it('answers not found for an unknown model', async () => {
    const { ports, handler } = arrange();

    await expect(
      handler.execute({ modelId: 'missing', framework: 'onnx', actorId: REGISTRANT }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.versions.rows.size).toBe(0);
  });
});
