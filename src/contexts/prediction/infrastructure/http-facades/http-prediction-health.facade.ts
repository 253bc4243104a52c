import { Injectable } from '@nestjs/common';
import { FacadeTransport } from '@libs/platform';
import {
  PredictionHealthFacade,
  type DeploymentOverview,
  type VariantHealth,
  type VariantHealthQuery,
} from '../../contracts/prediction-health.facade.js';

const CONTEXT = 'prediction';

/** How deployments serve, where the prediction context is hosted elsewhere (docs/adr/0704). */
@Injectable()
export class HttpPredictionHealthFacade extends PredictionHealthFacade {
  constructor(private readonly transport: FacadeTransport) {
    super();
  }

  async variantHealth(query: VariantHealthQuery): Promise<VariantHealth[]> {
    const health = await this.transport.call<VariantHealth[]>({
      context: CONTEXT,
      operation: 'variant-health',
      args: [query],
      idempotent: true,
    });
    return health ?? [];
  }

  async deploymentsOf(projectId: string): Promise<DeploymentOverview[]> {
    const deployments = await this.transport.call<DeploymentOverview[]>({
      context: CONTEXT,
      operation: 'deployments-of',
      args: [projectId],
      idempotent: true,
    });
    return deployments ?? [];
  }
}
