import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ModelAlias } from '../../domain/alias/model-alias.js';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { AliasExists } from '../../domain/errors.js';
import { ModelAliasOrmEntity } from './model-alias.orm-entity.js';
import { writeAtVersion } from './optimistic-write.js';

const toDomain = ({ version, ...state }: ModelAliasOrmEntity): ModelAlias => ModelAlias.restore(state, version);

@Injectable()
export class TypeOrmModelAliasRepository extends ModelAliasRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(modelId: string, alias: string): Promise<ModelAlias | undefined> {
    const row = await this.rows().findOneBy({ modelId, alias });
    return row ? toDomain(row) : undefined;
  }

  async listOfModel(modelId: string): Promise<ModelAlias[]> {
    return (await this.rows().find({ where: { modelId }, order: { alias: 'ASC' } })).map(toDomain);
  }

  async namingVersion(versionId: string): Promise<ModelAlias[]> {
    return (await this.rows().findBy({ versionId })).map(toDomain);
  }

  async save(alias: ModelAlias): Promise<void> {
    const { modelId, alias: name } = alias.snapshot;
    // The key (model_id, alias) turns a creation that lost a race into AliasExists.
    const version = await writeAtVersion(
      this.scope.manager(),
      ModelAliasOrmEntity,
      { ...alias.snapshot, version: alias.version },
      alias.version,
      {
        sql: 'model_id = :modelId AND alias = :name',
        parameters: { modelId, name },
        resource: 'Alias',
        id: name,
        duplicate: () => new AliasExists(name),
      },
    );
    alias.markSaved(version);
  }

  async remove(alias: ModelAlias): Promise<void> {
    const { modelId, alias: name } = alias.snapshot;
    const result = await this.rows().delete({ modelId, alias: name, version: alias.version });
    if (result.affected !== 1) throw new ConcurrencyError('Alias', name);
  }

  private rows() {
    return this.scope.manager().getRepository(ModelAliasOrmEntity);
  }
}
