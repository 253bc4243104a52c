import type { PresignedRequest } from '@libs/storage/ports';

/** A presigned URL to PUT a version's artifact straight into the store (S3), for `complete` to record. */
export interface GetArtifactUploadUrlQuery {
  readonly versionId: string;
  /** The artifact's exact size: signed into the URL, and at most MODEL_ARTIFACT_MAX_BYTES. */
  readonly contentLength: number;
  readonly contentType: string;
  /** Shorter than MODEL_ARTIFACT_URL_TTL_SECONDS when asked; never longer. */
  readonly expiresInSeconds?: number;
}

export interface ArtifactUploadUrl {
  /** Names this upload to `POST .../artifact/complete`. */
  readonly uploadId: string;
  readonly presigned: PresignedRequest;
}
