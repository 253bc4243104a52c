import { Injectable } from '@nestjs/common';
import { ModelCard } from '../../domain/card/model-card.js';
import { ModelCardRepository } from '../../domain/card/model-card.repository.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../services/lookups.js';
import type { GetModelCardQuery } from './get-model-card.query.js';

/** A version's model card; an empty draft when nobody has written one yet. */
@Injectable()
export class GetModelCardHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly cards: ModelCardRepository,
  ) {}

  async execute(query: GetModelCardQuery): Promise<ModelCard> {
    await requireVersion(this.versions, query.versionId);
    return (await this.cards.find(query.versionId)) ?? ModelCard.draft(query.versionId);
  }
}
