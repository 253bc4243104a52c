import { Injectable } from '@nestjs/common';
import { AmbientTransaction, projectOfRow } from '@libs/platform';
import { ProjectOfDataset, ProjectOfDatasetVersion } from '../../application/ports/project-of-dataset.js';
import { DatasetOrmEntity } from './dataset.orm-entity.js';
import { DatasetVersionOrmEntity } from './dataset-version.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfDataset extends ProjectOfDataset {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(datasetId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, DatasetOrmEntity, datasetId);
  }
}

@Injectable()
export class TypeOrmProjectOfDatasetVersion extends ProjectOfDatasetVersion {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(versionId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, DatasetVersionOrmEntity, versionId);
  }
}
