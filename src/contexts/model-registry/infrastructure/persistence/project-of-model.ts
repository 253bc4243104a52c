import { Injectable } from '@nestjs/common';
import { AmbientTransaction, projectOfRow } from '@libs/platform';
import { ProjectOfModel, ProjectOfModelVersion } from '../../application/ports/project-of-model.js';
import { ModelVersionOrmEntity } from './model-version.orm-entity.js';
import { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfModel extends ProjectOfModel {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(modelId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, RegisteredModelOrmEntity, modelId);
  }
}

@Injectable()
export class TypeOrmProjectOfModelVersion extends ProjectOfModelVersion {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(versionId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, ModelVersionOrmEntity, versionId);
  }
}
