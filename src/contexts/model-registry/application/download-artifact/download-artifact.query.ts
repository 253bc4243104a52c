import type { ByteRange } from '@libs/storage/ports';
import type { Artifact } from '../../domain/version/model-version-status.js';

/** An artifact found by GetArtifact, whole or one byte range of it. */
export interface DownloadArtifactQuery {
  readonly artifact: Artifact;
  readonly range?: ByteRange;
}
