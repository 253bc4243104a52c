import { isUuid, NotFoundError } from '@libs/ddd';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import type { ServedDeployments } from '../ports/served-deployments.js';

export async function requireDeployment(deployments: DeploymentRepository, id: string): Promise<Deployment> {
  const deployment = await deployments.find(id);
  if (!deployment) throw new NotFoundError('Deployment', id);
  return deployment;
}

/** A deployment of the project by its name (the protocol's model name) or its id; 404 for another project's. */
export async function requireServedDeployment(
  deployments: ServedDeployments,
  projectId: string,
  nameOrId: string,
): Promise<Deployment> {
  const deployment = isUuid(nameOrId)
    ? await deployments.byId(nameOrId)
    : await deployments.byName(projectId, nameOrId);
  if (!deployment || deployment.projectId !== projectId) throw new NotFoundError('Model', nameOrId);
  return deployment;
}
