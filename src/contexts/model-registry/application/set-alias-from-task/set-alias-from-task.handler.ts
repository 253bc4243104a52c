import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { AliasMover } from '../services/alias-mover.js';
import type { AliasOutputs, SetAliasFromTaskCommand, SetAliasTaskParams } from './set-alias-from-task.command.js';

/**
 * What a `model.set-alias` task does: moves an alias through the same gate as a person would
 * (protection and promotion policy), so a workflow cannot promote what a person could not. A
 * policy failure fails the task with the failed rules; a concurrent move fails it with 412.
 */
@Injectable()
export class SetAliasFromTaskHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
    private readonly mover: AliasMover,
  ) {}

  async execute({ invocation, params }: SetAliasFromTaskCommand): Promise<AliasOutputs> {
    const model = await this.models.findByName(invocation.projectId, params.model);
    if (!model) throw new NotFoundError('Model', params.model);
    const version = await this.versionOf(model.id, params);
    const current = await this.aliases.find(model.id, params.alias);
    // A retried task whose first attempt moved the alias is already done.
    if (current?.versionId === version.id) {
      return { alias: params.alias, versionId: version.id, aliasVersion: current.version };
    }
    const moved = await this.mover.move({
      modelId: model.id,
      alias: params.alias,
      versionId: version.id,
      expectedVersion: current?.version,
      actorId: invocation.actorId,
    });
    return { alias: params.alias, versionId: version.id, aliasVersion: moved.version };
  }

  private async versionOf(modelId: string, params: SetAliasTaskParams): Promise<ModelVersion> {
    if ((params.versionId === undefined) === (params.versionNumber === undefined)) {
      throw new ValidationError('Name the version by versionId or by versionNumber', [
        { field: 'versionId', message: 'exactly one of versionId and versionNumber' },
      ]);
    }
    const version =
      params.versionId !== undefined
        ? await this.versions.find(params.versionId)
        : await this.versions.findByNumber(modelId, params.versionNumber!);
    if (!version || version.modelId !== modelId) {
      throw new NotFoundError('Model version', String(params.versionId ?? params.versionNumber));
    }
    return version;
  }
}
