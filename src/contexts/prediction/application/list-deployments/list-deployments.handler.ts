import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import type { ListDeploymentsQuery } from './list-deployments.query.js';

/** A project's deployments by name. */
@Injectable()
export class ListDeploymentsHandler {
  constructor(private readonly deployments: DeploymentRepository) {}

  execute(query: ListDeploymentsQuery): Promise<Deployment[]> {
    return this.deployments.listByProject(query.projectId);
  }
}
