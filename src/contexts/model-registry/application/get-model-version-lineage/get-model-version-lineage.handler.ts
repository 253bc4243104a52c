import { Injectable } from '@nestjs/common';
import { lineageOf, type LineageGraph } from '../../domain/lineage/lineage-graph.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireModel, requireVersion } from '../services/lookups.js';
import type { GetModelVersionLineageQuery } from './get-model-version-lineage.query.js';

/** Upstream and downstream of a version, drawn under its model's name. */
@Injectable()
export class GetModelVersionLineageHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
  ) {}

  async execute(query: GetModelVersionLineageQuery): Promise<LineageGraph> {
    const version = await requireVersion(this.versions, query.versionId);
    const model = await requireModel(this.models, version.modelId);
    return lineageOf(version, model.name);
  }
}
