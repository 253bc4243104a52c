import type { ByteRange, ObjectDownload } from '@libs/storage/ports';
import type { Artifact } from '../../domain/version/model-version-status.js';

/** A download as a HEAD request asks about it. */
export interface DescribeArtifactDownloadQuery {
  readonly artifact: Artifact;
  readonly range?: Required<ByteRange>;
}

export type ArtifactDownloadDescription = Pick<ObjectDownload, 'contentLength' | 'range'>;
