import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfModel, ProjectOfModelVersion } from '../../application/ports/project-of-model.js';
import { ModelVersionOrmEntity } from './model-version.orm-entity.js';
import { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfModel extends ProjectOfModel {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(modelId: string): Promise<string | undefined> {
    if (!isUuid(modelId)) return undefined;
    const row = await this.scope
      .manager()
      .getRepository(RegisteredModelOrmEntity)
      .findOne({ where: { id: modelId }, select: { projectId: true } });
    return row?.projectId;
  }
}

@Injectable()
export class TypeOrmProjectOfModelVersion extends ProjectOfModelVersion {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(versionId: string): Promise<string | undefined> {
    if (!isUuid(versionId)) return undefined;
    const row = await this.scope
      .manager()
      .getRepository(ModelVersionOrmEntity)
      .findOne({ where: { id: versionId }, select: { projectId: true } });
    return row?.projectId;
  }
}
