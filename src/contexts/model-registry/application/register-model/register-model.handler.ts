import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { RegisteredModel } from '../../domain/model/registered-model.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { RegisterModelCommand } from './register-model.command.js';

@Injectable()
export class RegisterModelHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  execute(command: RegisterModelCommand): Promise<RegisteredModel> {
    return this.transaction.run(async () => {
      const model = RegisteredModel.register({ ...command, createdBy: command.actorId });
      await this.models.save(model);
      await this.events.publish(
        'model-registry.model.registered.v1',
        { modelId: model.id, projectId: model.projectId, name: model.name, registeredBy: command.actorId },
        { aggregateId: model.id, aggregateVersion: model.version },
      );
      return model;
    });
  }
}
