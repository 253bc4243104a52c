import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { ProjectOfResource } from '@contexts/user-management';
import { AmbientTransaction } from '@libs/platform';
import { ModelVersionOrmEntity } from './model-version.orm-entity.js';
import { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';

/** For the access guard: the project of `/models/{modelId}/...`; undefined (404) for unknown ids. */
@Injectable()
export class ProjectOfModel extends ProjectOfResource {
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

/** For the access guard: the project of `/model-versions/{id}/...`. */
@Injectable()
export class ProjectOfModelVersion extends ProjectOfResource {
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
