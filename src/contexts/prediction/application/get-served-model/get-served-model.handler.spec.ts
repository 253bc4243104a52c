import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, OTHER_PROJECT, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { GetServedModelHandler } from './get-served-model.handler.js';

async function arrange() {
  const ports = fakePredictionPorts();
  await ports.deployments.add(
    Deployment.create({
      projectId: PROJECT,
      name: 'churn',
      routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
      variants: [aVariant('champion', 1), aVariant('mirror', 0, { shadow: true })],
      createdBy: ACTOR,
      at: new Date(),
    }),
  );
  return { served: new GetServedModelHandler(ports.served) };
}

describe('GetServedModelHandler', () => {
  it('lists the variants that answer callers as the versions of the model, or the one asked for', async () => {
    const { served } = await arrange();

    expect((await served.execute({ projectId: PROJECT, model: 'churn' })).variants.map((v) => v.name)).toEqual([
      'champion',
    ]);
    expect(
      (await served.execute({ projectId: PROJECT, model: 'churn', variant: 'mirror' })).variants.map((v) => v.name),
    ).toEqual(['mirror']);
    await expect(served.execute({ projectId: PROJECT, model: 'churn', variant: 'nobody' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(served.execute({ projectId: OTHER_PROJECT, model: 'churn' })).rejects.toThrow(NotFoundError);
  });
});
