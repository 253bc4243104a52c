import { Injectable } from '@nestjs/common';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { predictionsFromOutputs, tensorsFromInstances } from '../../domain/tensor/instances.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import { VariantInference } from '../services/variant-inference.js';
import type { PredictInstancesCommand, PredictInstancesResult } from './predict-instances.command.js';

/** Predicts rows: each variant stacks them into its own signature's input tensors and answers one prediction per row. */
@Injectable()
export class PredictInstancesHandler {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly inference: VariantInference,
  ) {}

  async execute(command: PredictInstancesCommand): Promise<PredictInstancesResult> {
    const deployment = await requireDeployment(this.deployments, command.deploymentId);
    const answer = await this.inference.run({
      deployment,
      requestKey: command.headers[deployment.routing.requestKeyHeader],
      inputsFor: (signature) => tensorsFromInstances(signature, command.instances),
      requestId: command.requestId,
      cacheAllowed: command.cacheAllowed,
    });
    return {
      requestId: answer.requestId,
      predictionId: answer.predictionId,
      deploymentId: deployment.id,
      variant: answer.variant.name,
      modelVersionId: answer.version.versionId,
      predictions: predictionsFromOutputs(answer.outputs),
    };
  }
}
