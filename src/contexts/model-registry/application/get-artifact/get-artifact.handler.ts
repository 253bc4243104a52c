import { Injectable } from '@nestjs/common';
import type { Artifact } from '../../domain/version/model-version-status.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireArtifact } from '../services/lookups.js';
import type { GetArtifactQuery } from './get-artifact.query.js';

/** What is known of a version's artifact (key, size, digest, type) before a byte of it is read. */
@Injectable()
export class GetArtifactHandler {
  constructor(private readonly versions: ModelVersionRepository) {}

  execute(query: GetArtifactQuery): Promise<Artifact> {
    return requireArtifact(this.versions, query.versionId);
  }
}
