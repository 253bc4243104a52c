import { Injectable } from '@nestjs/common';
import type { PresignedRequest } from '@libs/storage/ports';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireArtifact } from '../services/lookups.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import type { GetArtifactDownloadUrlQuery } from './get-artifact-download-url.query.js';

/** A presigned URL that downloads a version's artifact without our credentials, where the store can sign one. */
@Injectable()
export class GetArtifactDownloadUrlHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly urls: PresignedUrls,
  ) {}

  async execute(query: GetArtifactDownloadUrlQuery): Promise<PresignedRequest> {
    const artifact = await requireArtifact(this.versions, query.versionId);
    return this.urls.download(artifact.key, query.expiresInSeconds);
  }
}
