import { Injectable } from '@nestjs/common';
import { lineageOf, type LineageGraph } from '../../domain/lineage/lineage-graph.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import type { ModelVersionStatus } from '../../domain/version/model-version-status.js';
import { ModelVersionRepository, type VersionPage } from '../../domain/version/model-version.repository.js';
import { requireModel, requireVersion } from '../lookups.js';

/** Reads of model versions: one, a model's list, and a version's lineage. */
@Injectable()
export class VersionQueriesHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
  ) {}

  one(versionId: string): Promise<ModelVersion> {
    return requireVersion(this.versions, versionId);
  }

  async list(
    modelId: string,
    filter: { status?: ModelVersionStatus; limit: number; cursor?: string },
  ): Promise<VersionPage> {
    await requireModel(this.models, modelId);
    return this.versions.listOfModel(modelId, filter);
  }

  async lineage(versionId: string): Promise<LineageGraph> {
    const version = await requireVersion(this.versions, versionId);
    const model = await requireModel(this.models, version.modelId);
    return lineageOf(version, model.name);
  }
}
