import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import { ModelCard, type ModelCardContent } from '../../domain/card/model-card.js';
import { ModelCardRepository } from '../../domain/card/model-card.repository.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../lookups.js';
import { Transaction } from '../ports/transaction.js';

export interface WriteModelCardCommand {
  readonly versionId: string;
  readonly content: Partial<ModelCardContent>;
  /** Finalize after writing: the card then never changes again. */
  readonly finalize: boolean;
  readonly expectedVersion?: number;
  readonly actorId: string;
}

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

  async read(versionId: string): Promise<ModelCard> {
    await requireVersion(this.versions, versionId);
    return (await this.cards.find(versionId)) ?? ModelCard.draft(versionId);
  }
}
