import { Injectable, Logger } from '@nestjs/common';
import { ModelRuntime } from '../ports/model-runtime.js';
import { RemoteModelRuntime } from '../ports/remote-model-runtime.js';
import { requireServedDeployment } from '../services/deployment-lookup.js';
import type { CheckModelReadyQuery } from './check-model-ready.query.js';
import { ServedDeployments } from '../ports/served-deployments.js';

/**
 * Whether a deployment (or one variant) can answer now: its versions load, so a readiness probe
 * warms the model before traffic arrives.
 */
@Injectable()
export class CheckModelReadyHandler {
  private readonly logger = new Logger(CheckModelReadyHandler.name);

  constructor(
    private readonly deployments: ServedDeployments,
    private readonly runtime: ModelRuntime,
    private readonly remote: RemoteModelRuntime,
  ) {}

  async execute(query: CheckModelReadyQuery): Promise<boolean> {
    const deployment = await requireServedDeployment(this.deployments, query.projectId, query.model);
    const variants = deployment.variants.filter((variant) =>
      query.variant === undefined ? !variant.shadow : variant.name === query.variant,
    );
    if (variants.length === 0) return false;
    try {
      // A remote variant is ready while its breaker lets calls through; its model loads elsewhere.
      const remoteAccepting = variants.every(
        (variant) =>
          !variant.endpoint ||
          this.remote.accepting({ deploymentId: deployment.id, variant: variant.name, endpoint: variant.endpoint }),
      );
      const local = variants.filter((variant) => !variant.endpoint);
      await Promise.all(local.map((variant) => this.runtime.ensureLoaded(variant.version)));
      return remoteAccepting;
    } catch (error) {
      this.logger.warn(`deployment ${deployment.id} is not ready: ${(error as Error).message}`);
      return false;
    }
  }
}
