import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { Dataset } from '../../domain/dataset/dataset.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetNameTaken } from '../../domain/errors.js';
import { DatasetSchema } from '../../domain/schema/dataset-schema.js';
import { DatasetOrmEntity } from './dataset.orm-entity.js';

@Injectable()
export class TypeOrmDatasetRepository extends DatasetRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(dataset: Dataset): Promise<void> {
    const { schema, ...state } = dataset.snapshot;
    // The only unique constraint besides the key is (project_id, name): a collision is a taken name.
    // ON CONFLICT DO NOTHING keeps the transaction usable and logs no error.
    const result = await this.scope
      .manager()
      .createQueryBuilder()
      .insert()
      .into(DatasetOrmEntity)
      .values({ ...state, schema: { columns: schema.columns, primaryKey: schema.primaryKey }, lastVersionNumber: 0 })
      .orIgnore()
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length !== 1) throw new DatasetNameTaken(state.name);
  }

  async find(id: string): Promise<Dataset | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.scope.manager().getRepository(DatasetOrmEntity).findOneBy({ id });
    return row ? toDomain(row) : undefined;
  }

  async listByProject(projectId: string): Promise<Dataset[]> {
    const rows = await this.scope
      .manager()
      .getRepository(DatasetOrmEntity)
      .find({ where: { projectId }, order: { name: 'ASC' } });
    return rows.map(toDomain);
  }
}

function toDomain(row: DatasetOrmEntity): Dataset {
  return Dataset.restore({
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    description: row.description,
    schema: DatasetSchema.of(row.schema),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  });
}
