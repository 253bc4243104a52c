import { Injectable } from '@nestjs/common';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { Transaction } from '../ports/transaction.js';

/** Deletes an alias that is still at the version the caller saw (If-Match). */
@Injectable()
export class RemoveAliasHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly aliases: ModelAliasRepository,
  ) {}

  execute(modelId: string, name: string, expectedVersion: number): Promise<void> {
    return this.transaction.run(async () => {
      const alias = await this.aliases.find(modelId, name);
      if (!alias) throw new NotFoundError('Alias', name);
      if (alias.version !== expectedVersion) throw new ConcurrencyError('Alias', name);
      await this.aliases.remove(alias);
    });
  }
}
