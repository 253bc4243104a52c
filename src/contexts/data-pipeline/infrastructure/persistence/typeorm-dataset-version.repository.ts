import { Injectable } from '@nestjs/common';
import { isUuid, NotFoundError } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { DatasetOrmEntity } from './dataset.orm-entity.js';
import { DatasetVersionOrmEntity } from './dataset-version.orm-entity.js';

@Injectable()
export class TypeOrmDatasetVersionRepository extends DatasetVersionRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(version: Omit<DatasetVersion, 'number'>): Promise<DatasetVersion> {
    const manager = this.scope.manager();
    // Counting on the dataset row serialises concurrent versions of one dataset: numbers never repeat or skip.
    const numbered = await manager
      .createQueryBuilder()
      .update(DatasetOrmEntity)
      .set({ lastVersionNumber: () => 'last_version_number + 1' })
      .where('id = :id', { id: version.datasetId })
      .returning('last_version_number')
      .execute();
    const [row] = numbered.raw as { last_version_number: number }[];
    if (!row) throw new NotFoundError('Dataset', version.datasetId);
    const stored: DatasetVersion = { ...version, number: row.last_version_number };
    await manager.getRepository(DatasetVersionOrmEntity).insert(toRow(stored));
    return stored;
  }

  async find(id: string): Promise<DatasetVersion | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.scope.manager().getRepository(DatasetVersionOrmEntity).findOneBy({ id });
    return row ? toDomain(row) : undefined;
  }

  async listByDataset(datasetId: string): Promise<DatasetVersion[]> {
    const rows = await this.scope
      .manager()
      .getRepository(DatasetVersionOrmEntity)
      .find({ where: { datasetId }, order: { number: 'DESC' } });
    return rows.map(toDomain);
  }
}

function toRow(version: DatasetVersion): DatasetVersionOrmEntity {
  const { producer, ...rest } = version;
  return {
    ...rest,
    inferredSchema: [...version.inferredSchema],
    profile: [...version.profile],
    producerKind: producer.kind,
    producerRunId: producer.runId ?? null,
    producerTableSource: producer.tableSource ?? null,
    createdBy: producer.actorId,
  };
}

function toDomain(row: DatasetVersionOrmEntity): DatasetVersion {
  const { producerKind, producerRunId, producerTableSource, createdBy, ...rest } = row;
  return {
    ...rest,
    producer: {
      kind: producerKind,
      actorId: createdBy,
      ...(producerRunId && { runId: producerRunId }),
      ...(producerTableSource && { tableSource: producerTableSource }),
    },
  };
}
