import { Injectable } from '@nestjs/common';
import { ResolveAliasHandler } from '../application/resolve-alias/resolve-alias.handler.js';
import { ModelRegistryFacade, type ResolvedModelVersion } from '../contracts/model-registry.facade.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalModelRegistryFacade extends ModelRegistryFacade {
  constructor(private readonly aliases: ResolveAliasHandler) {
    super();
  }

  async resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined> {
    const resolved = await this.aliases.execute({ projectId, modelName, alias });
    if (!resolved) return undefined;
    const { id, number, status, framework, artifact, serving } = resolved.version.snapshot;
    return {
      modelId: resolved.model.id,
      modelName: resolved.model.name,
      alias,
      versionId: id,
      versionNumber: number,
      status,
      framework,
      artifact: artifact ? { sizeBytes: artifact.sizeBytes, sha256: artifact.sha256 } : null,
      sagemaker: serving ? { ...serving } : null,
    };
  }
}
