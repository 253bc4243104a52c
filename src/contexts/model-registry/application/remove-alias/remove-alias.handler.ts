import { Injectable } from '@nestjs/common';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { Transaction } from '../ports/transaction.js';
import type { RemoveAliasCommand } from './remove-alias.command.js';

/** Deletes an alias that is still at the version the caller saw (If-Match). */
@Injectable()
export class RemoveAliasHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly aliases: ModelAliasRepository,
  ) {}

  execute(command: RemoveAliasCommand): Promise<void> {
    return this.transaction.run(async () => {
      const alias = await this.aliases.find(command.modelId, command.alias);
      if (!alias) throw new NotFoundError('Alias', command.alias);
      if (alias.version !== command.expectedVersion) throw new ConcurrencyError('Alias', command.alias);
      await this.aliases.remove(alias);
    });
  }
}
