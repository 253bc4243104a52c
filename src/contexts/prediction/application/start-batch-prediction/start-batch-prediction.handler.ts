import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import type { Variant } from '../../domain/deployment/variant.js';
import { BatchPredictionStarts } from '../services/batch-prediction-starts.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import type { StartBatchPredictionCommand } from './start-batch-prediction.command.js';

/** Queues a batch prediction by a deployment's variant: the version it pins now, which stays the job's. */
@Injectable()
export class StartBatchPredictionHandler {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly starts: BatchPredictionStarts,
  ) {}

  async execute(command: StartBatchPredictionCommand): Promise<BatchPrediction> {
    const earlier = await this.starts.earlier(command.idempotencyKey);
    if (earlier) return earlier;
    const deployment = await requireDeployment(this.deployments, command.deploymentId);
    const variant = chosenVariant(deployment, command.variant);
    return this.starts.start({
      ...command,
      projectId: deployment.projectId,
      deploymentId: deployment.id,
      variant: variant.name,
      version: variant.version,
    });
  }
}

function chosenVariant(deployment: Deployment, name: string | undefined): Variant {
  if (name !== undefined) {
    const named = deployment.variant(name);
    if (!named) throw new NotFoundError('Variant', `${deployment.name}/${name}`);
    return named;
  }
  const primaries = deployment.variants.filter((variant) => !variant.shadow);
  return primaries.reduce((best, variant) => (variant.weight > best.weight ? variant : best), primaries[0]);
}
