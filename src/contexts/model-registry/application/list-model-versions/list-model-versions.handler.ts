import { Injectable } from '@nestjs/common';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { ModelVersionRepository, type VersionPage } from '../../domain/version/model-version.repository.js';
import { requireModel } from '../services/lookups.js';
import type { ListModelVersionsQuery } from './list-model-versions.query.js';

/** A model's versions, newest first, optionally in one status. */
@Injectable()
export class ListModelVersionsHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
  ) {}

  async execute(query: ListModelVersionsQuery): Promise<VersionPage> {
    const { modelId, ...filter } = query;
    await requireModel(this.models, modelId);
    return this.versions.listOfModel(modelId, filter);
  }
}
