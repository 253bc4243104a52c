import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { requireModel } from '../services/lookups.js';
import { Transaction } from '../ports/transaction.js';
import type { UpdateModelCommand } from './update-model.command.js';

/** Changes a model's description, tags or protected aliases, under If-Match when given. */
@Injectable()
export class UpdateModelHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
  ) {}

  execute(command: UpdateModelCommand): Promise<RegisteredModel> {
    return this.transaction.run(async () => {
      const model = await requireModel(this.models, command.modelId);
      if (command.expectedVersion !== undefined && command.expectedVersion !== model.version) {
        throw new ConcurrencyError('Model', model.id);
      }
      model.update(command.changes);
      await this.models.save(model);
      return model;
    });
  }
}
