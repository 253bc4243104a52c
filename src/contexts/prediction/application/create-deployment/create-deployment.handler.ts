import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { Transaction } from '../ports/transaction.js';
import { deploymentPayload } from '../services/deployment-payload.js';
import { VariantPinning } from '../services/variant-pinning.js';
import { routingOf, variantSpecs } from '../services/variant-specs.js';
import type { CreateDeploymentCommand } from './create-deployment.command.js';

/** Deploys model versions under a name of the project, each variant pinned to the version the registry names now. */
@Injectable()
export class CreateDeploymentHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly deployments: DeploymentRepository,
    private readonly pinning: VariantPinning,
    private readonly events: EventPublisher<PredictionEvents>,
  ) {}

  async execute(command: CreateDeploymentCommand): Promise<Deployment> {
    const variants = await this.pinning.pin(command.projectId, variantSpecs(command.variants));
    const deployment = Deployment.create({
      projectId: command.projectId,
      name: command.name,
      description: command.description,
      routing: routingOf(command.routing),
      variants,
      serving: command.serving,
      createdBy: command.actorId,
      at: new Date(),
    });
    return this.transaction.run(async () => {
      await this.deployments.add(deployment);
      await this.events.publish('prediction.deployment.created.v1', deploymentPayload(deployment, command.actorId), {
        aggregateId: deployment.id,
        aggregateVersion: deployment.version,
      });
      return deployment;
    });
  }
}
