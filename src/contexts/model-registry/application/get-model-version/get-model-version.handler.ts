import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../services/lookups.js';
import type { GetModelVersionQuery } from './get-model-version.query.js';

/** One model version: its status, artifact, approvals and serving link. */
@Injectable()
export class GetModelVersionHandler {
  constructor(private readonly versions: ModelVersionRepository) {}

  execute(query: GetModelVersionQuery): Promise<ModelVersion> {
    return requireVersion(this.versions, query.versionId);
  }
}
