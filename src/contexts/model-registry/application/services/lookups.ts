import { NotFoundError } from '@libs/ddd';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import type { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import type { Artifact } from '../../domain/version/model-version-status.js';
import type { ModelVersionRepository, VersionLock } from '../../domain/version/model-version.repository.js';

export async function requireModel(models: RegisteredModelRepository, id: string): Promise<RegisteredModel> {
  const model = await models.find(id);
  if (!model) throw new NotFoundError('Model', id);
  return model;
}

export async function requireVersion(
  versions: ModelVersionRepository,
  id: string,
  options?: { lock?: VersionLock },
): Promise<ModelVersion> {
  const version = await versions.find(id, options);
  if (!version) throw new NotFoundError('Model version', id);
  return version;
}

/** The payload fields every version event starts with. */
export function versionSubject(version: ModelVersion) {
  const { id, modelId, projectId, number } = version.snapshot;
  return { versionId: id, modelId, projectId, versionNumber: number };
}

/** The uploaded artifact of a version; not found until one is uploaded. */
export async function requireArtifact(versions: ModelVersionRepository, versionId: string): Promise<Artifact> {
  const version = await requireVersion(versions, versionId);
  if (!version.artifact) throw new NotFoundError('Artifact of model version', versionId);
  return version.artifact;
}
