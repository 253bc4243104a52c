import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../lookups.js';

export interface ResolvedAlias {
  readonly model: RegisteredModel;
  readonly alias: string;
  readonly version: ModelVersion;
}

/** `name@alias` to the version it names now, in one call. */
@Injectable()
export class ResolveAliasHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
  ) {}

  async resolve(projectId: string, modelName: string, alias: string): Promise<ResolvedAlias | undefined> {
    const model = await this.models.findByName(projectId, modelName);
    const pointer = model && (await this.aliases.find(model.id, alias));
    if (!model || !pointer) return undefined;
    return { model, alias, version: await requireVersion(this.versions, pointer.versionId) };
  }

  async require(projectId: string, modelName: string, alias: string): Promise<ResolvedAlias> {
    const resolved = await this.resolve(projectId, modelName, alias);
    if (!resolved) throw new NotFoundError('Alias', `${modelName}@${alias}`);
    return resolved;
  }
}
