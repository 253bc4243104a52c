import { Injectable } from '@nestjs/common';
import { ObjectStore, type PresignedRequest } from '@libs/storage/ports';
import { PresignedUrlUnavailable } from '../../domain/errors.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { requireArtifact } from '../services/lookups.js';
import type { GetArtifactDownloadUrlQuery } from './get-artifact-download-url.query.js';

/** A presigned URL that downloads a version's artifact without our credentials, where the store can sign one. */
@Injectable()
export class GetArtifactDownloadUrlHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
  ) {}

  async execute(query: GetArtifactDownloadUrlQuery): Promise<PresignedRequest> {
    const artifact = await requireArtifact(this.versions, query.versionId);
    const presigned = await this.store.presignedGetUrl(artifact.key, this.settings.downloadUrlTtlSeconds);
    if (!presigned) throw new PresignedUrlUnavailable();
    return presigned;
  }
}
