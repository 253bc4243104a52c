import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { GetModelHandler } from '../application/get-model/get-model.handler.js';
import { GetModelVersionHandler } from '../application/get-model-version/get-model-version.handler.js';
import { ResolveAliasHandler } from '../application/resolve-alias/resolve-alias.handler.js';
import {
  ModelRegistryFacade,
  type RegistryModelVersion,
  type ResolvedModelVersion,
} from '../contracts/model-registry.facade.js';
import type { RegisteredModel } from '../domain/model/registered-model.js';
import type { ModelVersion } from '../domain/version/model-version.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalModelRegistryFacade extends ModelRegistryFacade {
  constructor(
    private readonly aliases: ResolveAliasHandler,
    private readonly versions: GetModelVersionHandler,
    private readonly models: GetModelHandler,
  ) {
    super();
  }

  async resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined> {
    const resolved = await this.aliases.execute({ projectId, modelName, alias });
    if (!resolved) return undefined;
    return { ...servingView(resolved.model, resolved.version), alias };
  }

  async findVersion(projectId: string, versionId: string): Promise<RegistryModelVersion | undefined> {
    try {
      const version = await this.versions.execute({ versionId });
      if (version.snapshot.projectId !== projectId) return undefined;
      const { model } = await this.models.execute({ modelId: version.snapshot.modelId });
      return servingView(model, version);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

function servingView(model: RegisteredModel, version: ModelVersion): RegistryModelVersion {
  const { id, number, status, framework, artifact, signature, serving } = version.snapshot;
  return {
    modelId: model.id,
    modelName: model.name,
    versionId: id,
    versionNumber: number,
    status,
    framework,
    artifact: artifact ? { key: artifact.key, sizeBytes: artifact.sizeBytes, sha256: artifact.sha256 } : null,
    signature: { inputs: signature.inputs, outputs: signature.outputs },
    sagemaker: serving ? { ...serving } : null,
  };
}
