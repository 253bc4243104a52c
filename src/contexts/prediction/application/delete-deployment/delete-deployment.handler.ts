import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { Transaction } from '../ports/transaction.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import type { DeleteDeploymentCommand } from './delete-deployment.command.js';

/** Removes a deployment: its name stops answering and may be used again. */
@Injectable()
export class DeleteDeploymentHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly deployments: DeploymentRepository,
    private readonly events: EventPublisher<PredictionEvents>,
  ) {}

  execute(command: DeleteDeploymentCommand): Promise<void> {
    return this.transaction.run(async () => {
      const deployment = await requireDeployment(this.deployments, command.deploymentId);
      await this.deployments.remove(deployment);
      const { id, projectId, name } = deployment.snapshot;
      await this.events.publish(
        'prediction.deployment.deleted.v1',
        { deploymentId: id, projectId, name, actorId: command.actorId },
        { aggregateId: id, aggregateVersion: deployment.version + 1 },
      );
    });
  }
}
