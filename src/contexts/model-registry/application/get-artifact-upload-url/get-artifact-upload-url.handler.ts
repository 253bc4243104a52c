import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { ObjectTooLargeError } from '@libs/storage/ports';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { artifactKeyOf } from '../services/artifact-attachment.js';
import { requireVersion } from '../services/lookups.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import type { ArtifactUploadUrl, GetArtifactUploadUrlQuery } from './get-artifact-upload-url.query.js';

/**
 * Signs a PUT of a version's artifact to a key of its own (ADR 0302, 0304), for a version that still
 * takes one, capped by the signed length. Nothing is recorded until the client completes the upload.
 */
@Injectable()
export class GetArtifactUploadUrlHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly urls: PresignedUrls,
    private readonly settings: ArtifactSettings,
  ) {}

  async execute(query: GetArtifactUploadUrlQuery): Promise<ArtifactUploadUrl> {
    const version = await requireVersion(this.versions, query.versionId);
    version.ensureAcceptsArtifact();
    if (query.contentLength > this.settings.maxBytes) throw new ObjectTooLargeError(this.settings.maxBytes);
    const uploadId = newId();
    const { contentLength, contentType } = query;
    const presigned = await this.urls.upload(
      artifactKeyOf(version, uploadId),
      { contentLength, contentType },
      query.expiresInSeconds,
    );
    return { uploadId, presigned };
  }
}
