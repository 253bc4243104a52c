import { Injectable, Logger } from '@nestjs/common';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { ModelRuntime } from '../ports/model-runtime.js';
import { requireServedDeployment } from '../services/deployment-lookup.js';
import type { CheckModelReadyQuery } from './check-model-ready.query.js';

/**
 * Whether a deployment (or one variant) can answer now: its versions load, so a readiness probe
 * warms the model before traffic arrives.
 */
@Injectable()
export class CheckModelReadyHandler {
  private readonly logger = new Logger(CheckModelReadyHandler.name);

  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly runtime: ModelRuntime,
  ) {}

  async execute(query: CheckModelReadyQuery): Promise<boolean> {
    const deployment = await requireServedDeployment(this.deployments, query.projectId, query.model);
    const variants = deployment.variants.filter((variant) =>
      query.variant === undefined ? !variant.shadow : variant.name === query.variant,
    );
    if (variants.length === 0) return false;
    try {
      await Promise.all(variants.map((variant) => this.runtime.ensureLoaded(variant.version)));
      return true;
    } catch (error) {
      this.logger.warn(`deployment ${deployment.id} is not ready: ${(error as Error).message}`);
      return false;
    }
  }
}
