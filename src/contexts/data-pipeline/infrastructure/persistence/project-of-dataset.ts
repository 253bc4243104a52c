import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfDataset, ProjectOfDatasetVersion } from '../../application/ports/project-of-dataset.js';
import { DatasetOrmEntity } from './dataset.orm-entity.js';
import { DatasetVersionOrmEntity } from './dataset-version.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfDataset extends ProjectOfDataset {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(datasetId: string): Promise<string | undefined> {
    if (!isUuid(datasetId)) return undefined;
    const row = await this.scope
      .manager()
      .getRepository(DatasetOrmEntity)
      .findOne({ where: { id: datasetId }, select: { projectId: true } });
    return row?.projectId;
  }
}

@Injectable()
export class TypeOrmProjectOfDatasetVersion extends ProjectOfDatasetVersion {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(versionId: string): Promise<string | undefined> {
    if (!isUuid(versionId)) return undefined;
    const row = await this.scope
      .manager()
      .getRepository(DatasetVersionOrmEntity)
      .findOne({ where: { id: versionId }, select: { projectId: true } });
    return row?.projectId;
  }
}
