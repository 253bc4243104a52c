import { Injectable } from '@nestjs/common';
import { ObjectNotFoundError, ObjectStore } from '@libs/storage/ports';
import type { ArtifactDownloadDescription, DescribeArtifactDownloadQuery } from './describe-artifact-download.query.js';

/** What a download would answer, without reading a byte (for HEAD); fails as it would when the object is gone. */
@Injectable()
export class DescribeArtifactDownloadHandler {
  constructor(private readonly store: ObjectStore) {}

  async execute(query: DescribeArtifactDownloadQuery): Promise<ArtifactDownloadDescription> {
    const { artifact, range } = query;
    if (!(await this.store.head(artifact.key))) throw new ObjectNotFoundError(artifact.key);
    return { contentLength: range ? range.end - range.start + 1 : artifact.sizeBytes, range };
  }
}
