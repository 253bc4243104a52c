import { FacadeArguments, FacadeOperation, InternalFacadeController } from '@libs/platform';
import {
  PredictionHealthFacade,
  type DeploymentOverview,
  type VariantHealth,
  type VariantHealthQuery,
} from '../../../contracts/prediction-health.facade.js';

/** How deployments serve, for processes that do not host prediction (docs/adr/0704): signed service calls only. */
@InternalFacadeController('prediction')
export class PredictionHealthFacadeController {
  constructor(private readonly health: PredictionHealthFacade) {}

  @FacadeOperation('variant-health')
  variantHealth(@FacadeArguments() [query]: [VariantHealthQuery]): Promise<VariantHealth[]> {
    return this.health.variantHealth(query);
  }

  @FacadeOperation('deployments-of')
  deploymentsOf(@FacadeArguments() [projectId]: string[]): Promise<DeploymentOverview[]> {
    return this.health.deploymentsOf(projectId);
  }
}
