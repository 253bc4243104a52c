import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { Transaction } from '../ports/transaction.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import { deploymentPayload } from '../services/deployment-payload.js';
import { VariantPinning } from '../services/variant-pinning.js';
import { routingOf, variantSpecs } from '../services/variant-specs.js';
import type { UpdateDeploymentCommand } from './update-deployment.command.js';

/** Replaces a deployment's routing and variants; aliases are resolved again, so the variants serve what they name now. */
@Injectable()
export class UpdateDeploymentHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly deployments: DeploymentRepository,
    private readonly pinning: VariantPinning,
    private readonly events: EventPublisher<PredictionEvents>,
  ) {}

  async execute(command: UpdateDeploymentCommand): Promise<Deployment> {
    const current = await requireDeployment(this.deployments, command.deploymentId);
    const variants = await this.pinning.pin(current.projectId, variantSpecs(command.variants));
    return this.transaction.run(async () => {
      // Read again inside the transaction: the save refuses a deployment changed since this read.
      const deployment = await requireDeployment(this.deployments, command.deploymentId);
      deployment.change({
        description: command.description,
        routing: routingOf(command.routing),
        variants,
        serving: command.serving,
        at: new Date(),
      });
      await this.deployments.save(deployment);
      await this.events.publish('prediction.deployment.updated.v1', deploymentPayload(deployment, command.actorId), {
        aggregateId: deployment.id,
        aggregateVersion: deployment.version,
      });
      return deployment;
    });
  }
}
