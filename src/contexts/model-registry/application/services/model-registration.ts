import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { RegisteredModel } from '../../domain/model/registered-model.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { RegisterModelCommand } from '../register-model/register-model.command.js';

/** Registers a model and announces it: a person's request and a workflow task's both come here. */
@Injectable()
export class ModelRegistration {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  register(model: RegisterModelCommand): Promise<RegisteredModel> {
    return this.transaction.run(async () => {
      const registered = RegisteredModel.register({ ...model, createdBy: model.actorId });
      await this.models.save(registered);
      await this.events.publish(
        'model-registry.model.registered.v1',
        {
          modelId: registered.id,
          projectId: registered.projectId,
          name: registered.name,
          registeredBy: model.actorId,
        },
        { aggregateId: registered.id, aggregateVersion: registered.version },
      );
      return registered;
    });
  }
}
