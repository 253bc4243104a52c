import { Injectable } from '@nestjs/common';
import { requireServedDeployment } from '../services/deployment-lookup.js';
import { VariantInference, type VariantInferenceAnswer } from '../services/variant-inference.js';
import type { RunInferenceCommand } from './run-inference.command.js';
import { ServedDeployments } from '../ports/served-deployments.js';

/** Answers an inference request from the variant the deployment's routing (or the caller) picks. */
@Injectable()
export class RunInferenceHandler {
  constructor(
    private readonly deployments: ServedDeployments,
    private readonly inference: VariantInference,
  ) {}

  async execute(command: RunInferenceCommand): Promise<VariantInferenceAnswer> {
    const deployment = await requireServedDeployment(this.deployments, command.projectId, command.model);
    return this.inference.run({
      deployment,
      variantName: command.variant,
      requestKey: command.headers[deployment.routing.requestKeyHeader],
      inputsFor: () => command.inputs,
      outputs: command.outputs,
      requestId: command.requestId,
      cacheAllowed: command.cacheAllowed,
    });
  }
}
