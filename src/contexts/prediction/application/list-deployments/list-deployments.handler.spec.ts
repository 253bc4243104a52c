import { describe, expect, it } from '@jest/globals';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, OTHER_PROJECT, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { ListDeploymentsHandler } from './list-deployments.handler.js';

const deployment = (projectId: string, name: string) =>
  Deployment.create({
    projectId,
    name,
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [aVariant('champion', 1)],
    createdBy: ACTOR,
    at: new Date(),
  });

describe('ListDeploymentsHandler', () => {
  it('lists the project’s deployments by name, and none of another project', async () => {
    const { deployments } = fakePredictionPorts();
    for (const [project, name] of [
      [PROJECT, 'fraud'],
      [PROJECT, 'churn'],
      [OTHER_PROJECT, 'elsewhere'],
    ] as const)
      await deployments.add(deployment(project, name));

    const listed = await new ListDeploymentsHandler(deployments).execute({ projectId: PROJECT });

    expect(listed.map((item) => item.name)).toEqual(['churn', 'fraud']);
  });
});
