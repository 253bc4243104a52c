import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { GetModelHandler } from '../application/get-model/get-model.handler.js';
import { GetModelVersionHandler } from '../application/get-model-version/get-model-version.handler.js';
import { ResolveAliasHandler } from '../application/resolve-alias/resolve-alias.handler.js';
import { SetAliasFromTaskHandler } from '../application/set-alias-from-task/set-alias-from-task.handler.js';
import { PromotionRefused } from '../domain/errors.js';
import {
  ModelRegistryFacade,
  type AliasMoveOutcome,
  type AliasMoveRequest,
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
    private readonly aliasSetter: SetAliasFromTaskHandler,
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

  async moveAlias(request: AliasMoveRequest): Promise<AliasMoveOutcome> {
    const { projectId, modelName, alias } = request;
    const before = await this.aliases.execute({ projectId, modelName, alias });
    if (before?.version.id === request.versionId) return { outcome: 'already-there' };
    try {
      // The task path's gate: the same rules as a person's move, without an If-Match to race on.
      await this.aliasSetter.execute({
        invocation: { projectId: request.projectId, runId: '', taskId: '', actorId: request.actorId },
        params: { model: request.modelName, alias: request.alias, versionId: request.versionId },
      });
      return { outcome: 'moved' };
    } catch (error) {
      if (error instanceof PromotionRefused) return { outcome: 'refused', reason: error.message };
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
