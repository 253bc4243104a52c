import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { ModelNameTaken } from '../../domain/errors.js';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import {
  RegisteredModelRepository,
  type ModelPage,
  type ModelSearch,
} from '../../domain/model/registered-model.repository.js';
import { writeAtVersion } from './optimistic-write.js';
import { decodeCursor, encodeCursor, UUID_KEY } from './page-cursor.js';
import { modelToDomain, modelToPersistence } from './registered-model.mapper.js';
import { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';
import { modelSearchSql } from './model-search.sql.js';

@Injectable()
export class TypeOrmRegisteredModelRepository extends RegisteredModelRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async find(id: string): Promise<RegisteredModel | undefined> {
    const row = await this.rows().findOneBy({ id });
    return row ? modelToDomain(row) : undefined;
  }

  async findByName(projectId: string, name: string): Promise<RegisteredModel | undefined> {
    const row = await this.rows().findOneBy({ projectId, name });
    return row ? modelToDomain(row) : undefined;
  }

  async search(search: ModelSearch): Promise<ModelPage> {
    const after = search.cursor === undefined ? undefined : decodeCursor(search.cursor, UUID_KEY);
    const { sql, parameters } = modelSearchSql(search, after);
    const ids: { id: string }[] = await this.scope.manager().query(sql, parameters);
    const page = ids.slice(0, search.limit).map((row) => row.id);
    const rows = page.length === 0 ? [] : await this.rows().findBy(page.map((id) => ({ id })));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: page.map((id) => modelToDomain(byId.get(id)!)),
      nextCursor: ids.length > search.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async save(model: RegisteredModel): Promise<void> {
    // The only unique constraint besides the key is (project_id, name): a collision is a taken name.
    const version = await writeAtVersion(
      this.scope.manager(),
      RegisteredModelOrmEntity,
      modelToPersistence(model),
      model.version,
      {
        sql: 'id = :id',
        parameters: { id: model.id },
        resource: 'Model',
        id: model.id,
        duplicate: () => new ModelNameTaken(model.name),
      },
    );
    model.markSaved(version);
  }

  async takeVersionNumber(modelId: string): Promise<number> {
    const [rows]: [{ last_version_number: number }[], number] = await this.scope
      .manager()
      .query(
        'UPDATE model_registry.models SET last_version_number = last_version_number + 1 WHERE id = $1 RETURNING last_version_number',
        [modelId],
      );
    return rows[0].last_version_number;
  }

  private rows() {
    return this.scope.manager().getRepository(RegisteredModelOrmEntity);
  }
}
