import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { DeleteDeploymentHandler } from './delete-deployment.handler.js';

function aDeployment(name: string): Deployment {
  return Deployment.create({
    projectId: PROJECT,
    name,
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [aVariant('champion', 1)],
    createdBy: ACTOR,
    at: new Date('2026-01-01T00:00:00Z'),
  });
}

async function arrange() {
  const ports = fakePredictionPorts();
  const churn = aDeployment('churn');
  const fraud = aDeployment('fraud');
  await ports.deployments.add(churn);
  await ports.deployments.add(fraud);
  return {
    ports,
    churn,
    fraud,
    handler: new DeleteDeploymentHandler(ports.transaction, ports.deployments, ports.events),
  };
}

describe('DeleteDeploymentHandler', () => {
  it('removes the deployment and no other, in one transaction', async () => {
    const { ports, churn, fraud, handler } = await arrange();

    await handler.execute({ deploymentId: churn.id, actorId: ACTOR });

    expect(await ports.deployments.find(churn.id)).toBeUndefined();
    expect((await ports.deployments.find(fraud.id))?.snapshot).toEqual(fraud.snapshot);
    expect(ports.transaction.runs).toBe(1);
  });

  it('publishes the deletion once, as the version after the last one saved', async () => {
    const { ports, churn, handler } = await arrange();

    await handler.execute({ deploymentId: churn.id, actorId: ACTOR });

    expect(ports.events.published).toEqual([
      {
        type: 'prediction.deployment.deleted.v1',
        payload: { deploymentId: churn.id, projectId: PROJECT, name: 'churn', actorId: ACTOR },
        subject: { aggregateId: churn.id, aggregateVersion: 2 },
      },
    ]);
  });

  it('frees the name, so a new deployment may take it', async () => {
    const { ports, churn, handler } = await arrange();

    await handler.execute({ deploymentId: churn.id, actorId: ACTOR });
    const again = aDeployment('churn');
    await ports.deployments.add(again);

    expect((await ports.deployments.findByName(PROJECT, 'churn'))?.id).toBe(again.id);
  });

  it('answers 404 for an unknown or already deleted deployment and publishes nothing for it', async () => {
    const { ports, churn, handler } = await arrange();
    await handler.execute({ deploymentId: churn.id, actorId: ACTOR });

    await expect(handler.execute({ deploymentId: churn.id, actorId: ACTOR })).rejects.toThrow(NotFoundError);
    await expect(
      handler.execute({ deploymentId: '0190a6a0-0000-7000-8000-0000000000ff', actorId: ACTOR }),
    ).rejects.toThrow(NotFoundError);
    expect(ports.events.published).toHaveLength(1);
    expect(ports.deployments.size).toBe(1);
  });
});
