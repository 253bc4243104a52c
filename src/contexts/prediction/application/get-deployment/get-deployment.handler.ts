import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import type { GetDeploymentQuery } from './get-deployment.query.js';

@Injectable()
export class GetDeploymentHandler {
  constructor(private readonly deployments: DeploymentRepository) {}

  execute(query: GetDeploymentQuery): Promise<Deployment> {
    return requireDeployment(this.deployments, query.deploymentId);
  }
}
