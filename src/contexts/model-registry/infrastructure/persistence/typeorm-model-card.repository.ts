import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ModelCard } from '../../domain/card/model-card.js';
import { ModelCardRepository } from '../../domain/card/model-card.repository.js';
import { ModelCardOrmEntity } from './model-card.orm-entity.js';
import { writeAtVersion } from './optimistic-write.js';

@Injectable()
export class TypeOrmModelCardRepository extends ModelCardRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(versionId: string): Promise<ModelCard | undefined> {
    const row = await this.scope.manager().getRepository(ModelCardOrmEntity).findOneBy({ versionId });
    if (!row) return undefined;
    const { version, finalizedAt, ...state } = row;
    return ModelCard.restore({ ...state, ...(finalizedAt && { finalizedAt }) }, version);
  }

  async save(card: ModelCard): Promise<void> {
    const { finalizedAt, ...state } = card.snapshot;
    const version = await writeAtVersion(
      this.scope.manager(),
      ModelCardOrmEntity,
      { ...state, finalizedAt: finalizedAt ?? null, version: card.version },
      card.version,
      { sql: 'version_id = :versionId', parameters: { versionId: card.id }, resource: 'Model card', id: card.id },
    );
    card.markSaved(version);
  }
}
