import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { requireModel } from '../services/lookups.js';
import { Transaction } from '../ports/transaction.js';
import type { SetPromotionPolicyCommand } from './set-promotion-policy.command.js';

/** Sets whether an alias is protected and the rules it checks before it moves. */
@Injectable()
export class SetPromotionPolicyHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
  ) {}

  execute(command: SetPromotionPolicyCommand): Promise<RegisteredModel> {
    return this.transaction.run(async () => {
      const model = await requireModel(this.models, command.modelId);
      if (command.expectedVersion !== undefined && command.expectedVersion !== model.version) {
        throw new ConcurrencyError('Model', model.id);
      }
      model.setAliasPolicy(command.alias, command.policy);
      await this.models.save(model);
      return model;
    });
  }
}
