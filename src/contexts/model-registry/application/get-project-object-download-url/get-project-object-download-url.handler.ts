import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { ObjectStore, type PresignedRequest } from '@libs/storage/ports';
import { projectObjectKey } from '../../domain/objects/project-object-key.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import type { GetProjectObjectDownloadUrlQuery } from './get-project-object-download-url.query.js';

/** Signs a download of one of the project's objects; a missing object answers 404, not a URL that would. */
@Injectable()
export class GetProjectObjectDownloadUrlHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly urls: PresignedUrls,
  ) {}

  async execute(query: GetProjectObjectDownloadUrlQuery): Promise<PresignedRequest> {
    const storeKey = projectObjectKey(query.projectId, query.key);
    // Named by the caller's key: where the store keeps it is none of the caller's business.
    if ((await this.store.head(storeKey)) === undefined) throw new NotFoundError('Object', query.key);
    return this.urls.download(storeKey, query.expiresInSeconds);
  }
}
