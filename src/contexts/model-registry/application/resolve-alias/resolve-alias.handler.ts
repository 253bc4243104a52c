import { Injectable } from '@nestjs/common';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../services/lookups.js';
import type { ResolveAliasQuery, ResolvedAlias } from './resolve-alias.query.js';

/** `name@alias` to the version it names now, in one call; undefined when the project has no such alias. */
@Injectable()
export class ResolveAliasHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
  ) {}

  async execute(query: ResolveAliasQuery): Promise<ResolvedAlias | undefined> {
    const model = await this.models.findByName(query.projectId, query.modelName);
    const pointer = model && (await this.aliases.find(model.id, query.alias));
    if (!model || !pointer) return undefined;
    return { model, alias: query.alias, version: await requireVersion(this.versions, pointer.versionId) };
  }
}
