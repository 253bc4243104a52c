import { Injectable } from '@nestjs/common';
import { ObjectStore, type ObjectDownload } from '@libs/storage/ports';
import type { DownloadArtifactQuery } from './download-artifact.query.js';

/** Streams an artifact's bytes, whole or a range; the caller must consume or destroy the body. */
@Injectable()
export class DownloadArtifactHandler {
  constructor(private readonly store: ObjectStore) {}

  execute(query: DownloadArtifactQuery): Promise<ObjectDownload> {
    return this.store.get(query.artifact.key, { range: query.range });
  }
}
