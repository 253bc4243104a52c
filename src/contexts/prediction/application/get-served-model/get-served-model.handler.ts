import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { requireServedDeployment } from '../services/deployment-lookup.js';
import type { GetServedModelQuery, ServedModel } from './get-served-model.query.js';
import { ServedDeployments } from '../ports/served-deployments.js';

@Injectable()
export class GetServedModelHandler {
  constructor(private readonly deployments: ServedDeployments) {}

  async execute(query: GetServedModelQuery): Promise<ServedModel> {
    const deployment = await requireServedDeployment(this.deployments, query.projectId, query.model);
    if (query.variant === undefined)
      return { deployment, variants: deployment.variants.filter((variant) => !variant.shadow) };
    const variant = deployment.variant(query.variant);
    if (!variant) throw new NotFoundError('Model version', `${deployment.name}/${query.variant}`);
    return { deployment, variants: [variant] };
  }
}
