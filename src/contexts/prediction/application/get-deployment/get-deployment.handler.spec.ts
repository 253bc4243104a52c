import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { GetDeploymentHandler } from './get-deployment.handler.js';

describe('GetDeploymentHandler', () => {
  it('reads a deployment by id, and answers 404 for an unknown one', async () => {
    const { deployments } = fakePredictionPorts();
    const stored = Deployment.create({
      projectId: PROJECT,
      name: 'churn',
      routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
      variants: [aVariant('champion', 1)],
      createdBy: ACTOR,
      at: new Date(),
    });
    await deployments.add(stored);
    const handler = new GetDeploymentHandler(deployments);

    expect((await handler.execute({ deploymentId: stored.id })).snapshot).toEqual(stored.snapshot);
    await expect(handler.execute({ deploymentId: '0190a6a0-0000-7000-8000-0000000000ff' })).rejects.toThrow(
      NotFoundError,
    );
  });
});
