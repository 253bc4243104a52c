import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import { ModelCard } from '../../domain/card/model-card.js';
import { ModelCardRepository } from '../../domain/card/model-card.repository.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../services/lookups.js';
import { Transaction } from '../ports/transaction.js';
import type { WriteModelCardCommand } from './write-model-card.command.js';

/** Writes a version's model card as a draft, or makes it final. */
@Injectable()
export class WriteModelCardHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly versions: ModelVersionRepository,
    private readonly cards: ModelCardRepository,
  ) {}

  execute(command: WriteModelCardCommand): Promise<ModelCard> {
    return this.transaction.run(async () => {
      await requireVersion(this.versions, command.versionId);
      const card = (await this.cards.find(command.versionId)) ?? ModelCard.draft(command.versionId);
      if (command.expectedVersion !== undefined && command.expectedVersion !== card.version) {
        throw new ConcurrencyError('Model card', command.versionId);
      }
      const now = new Date();
      card.write(command.content, command.actorId, now);
      if (command.finalize) card.finalize(command.actorId, now);
      await this.cards.save(card);
      return card;
    });
  }
}
