import { Injectable } from '@nestjs/common';
import { ObjectTooLargeError } from '@libs/storage/ports';
import { OBJECTS_URI_SCHEME, projectObjectKey } from '../../domain/objects/project-object-key.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import type { GetProjectObjectUploadUrlQuery, ProjectObjectUploadUrl } from './get-project-object-upload-url.query.js';

/**
 * Signs a PUT of one of the project's objects (ADR 0303, 0304), capped like the streamed route by
 * the signed length. Replacing an object of the same key is allowed, as on that route.
 */
@Injectable()
export class GetProjectObjectUploadUrlHandler {
  constructor(
    private readonly urls: PresignedUrls,
    private readonly settings: ArtifactSettings,
  ) {}

  async execute(query: GetProjectObjectUploadUrlQuery): Promise<ProjectObjectUploadUrl> {
    const storeKey = projectObjectKey(query.projectId, query.key);
    if (query.contentLength > this.settings.maxBytes) throw new ObjectTooLargeError(this.settings.maxBytes);
    const { contentLength, contentType } = query;
    const presigned = await this.urls.upload(storeKey, { contentLength, contentType }, query.expiresInSeconds);
    return { key: query.key, uri: `${OBJECTS_URI_SCHEME}${storeKey}`, presigned };
  }
}
