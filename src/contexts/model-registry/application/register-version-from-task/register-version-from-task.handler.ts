import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { ObjectStore } from '@libs/storage/ports';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { isAnotherProjectsObject } from '../../domain/objects/project-object-key.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { TrainingDataBlocked } from '../../domain/errors.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { TrainingDataChecks } from '../ports/training-data-checks.js';
import { ArtifactAttachment } from '../services/artifact-attachment.js';
import { ModelRegistration } from '../services/model-registration.js';
import type { TaskInvocation } from '../services/task-invocation.js';
import { VersionRegistration } from '../services/version-registration.js';
import type {
  RegisteredVersionOutputs,
  RegisterVersionFromTaskCommand,
  RegisterVersionTaskParams,
} from './register-version-from-task.command.js';

/**
 * What a `model.register-version` task does: registers a version produced by its run, with the
 * artifact an upstream task left in the object store. The bytes are copied under the registry's
 * own key (streamed, hashed), so nobody can change them later through the upstream key. A retried
 * task finds the version its first attempt made and finishes it.
 */
@Injectable()
export class RegisterVersionFromTaskHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
    private readonly modelRegistration: ModelRegistration,
    private readonly versionRegistration: VersionRegistration,
    private readonly attachment: ArtifactAttachment,
    private readonly trainingData: TrainingDataChecks,
  ) {}

  async execute({ invocation, params }: RegisterVersionFromTaskCommand): Promise<RegisteredVersionOutputs> {
    const key = this.settings.keyOfUri(params.artifactUri);
    if (key === undefined) {
      throw new ValidationError('The artifact URI is not in the platform object store', [
        { field: 'artifactUri', message: 'expected s3://<the platform bucket>/<key> or objects:///<key>' },
      ]);
    }
    // Another project's upload is answered as a missing one: its name tells nothing of its existence.
    const source = isAnotherProjectsObject(key, invocation.projectId) ? undefined : await this.store.head(key);
    if (!source) throw new NotFoundError('Artifact object', params.artifactUri);
    await this.refuseBlockedTrainingData(invocation.projectId, params);
    const model = await this.modelFor(invocation, params.model, params.createModel ?? true);
    const { runId, taskId, workflowId, actorId } = invocation;
    let version =
      (await this.versions.findBySource(model.id, runId, taskId)) ??
      (await this.versionRegistration.register({
        ...params,
        modelId: model.id,
        source: { runId, taskId, workflowId },
        actorId,
      }));
    if (!version.artifact) {
      const download = await this.store.get(key);
      version = await this.attachment.attach(version, download.body, {
        declaredBytes: download.contentLength,
        contentType: source.contentType,
        actorId,
      });
    }
    return outputsOf(version);
  }

  /** Before anything is registered: a version trained on data its checks refuse is never made (docs/adr/0403). */
  private async refuseBlockedTrainingData(projectId: string, params: RegisterVersionTaskParams): Promise<void> {
    const blockOn = params.blockOn ?? 'none';
    const datasetVersionIds = (params.trainingDatasets ?? []).map((dataset) => dataset.datasetVersionId);
    if (blockOn === 'none' || datasetVersionIds.length === 0) return;
    const blocking = await this.trainingData.blockingChecks(projectId, datasetVersionIds, blockOn);
    if (blocking.length > 0) throw new TrainingDataBlocked(blockOn, blocking);
  }

  private async modelFor(invocation: TaskInvocation, name: string, create: boolean): Promise<RegisteredModel> {
    const existing = await this.models.findByName(invocation.projectId, name);
    if (existing) return existing;
    if (!create) throw new NotFoundError('Model', name);
    return this.modelRegistration.register({ projectId: invocation.projectId, name, actorId: invocation.actorId });
  }
}

function outputsOf(version: ModelVersion): RegisteredVersionOutputs {
  const { id, modelId, number, artifact, status } = version.snapshot;
  return { modelId, versionId: id, versionNumber: number, sha256: artifact?.sha256 ?? '', status };
}
