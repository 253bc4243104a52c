import { Injectable } from '@nestjs/common';
import {
  PredictionHealthFacade,
  type DeploymentOverview,
  type VariantHealth,
  type VariantHealthQuery,
} from '../contracts/prediction-health.facade.js';
import { ListDeploymentsHandler } from '../application/list-deployments/list-deployments.handler.js';
import { ReadVariantHealthHandler } from '../application/read-variant-health/read-variant-health.handler.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalPredictionHealthFacade extends PredictionHealthFacade {
  constructor(
    private readonly health: ReadVariantHealthHandler,
    private readonly deployments: ListDeploymentsHandler,
  ) {
    super();
  }

  variantHealth(query: VariantHealthQuery): Promise<VariantHealth[]> {
    return this.health.execute(query);
  }

  async deploymentsOf(projectId: string): Promise<DeploymentOverview[]> {
    return (await this.deployments.execute({ projectId })).map((deployment) => ({
      deploymentId: deployment.id,
      projectId: deployment.projectId,
      name: deployment.name,
      variants: deployment.variants.map((variant) => variant.name),
    }));
  }
}
