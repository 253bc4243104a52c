import type { PresignedRequest } from '@libs/storage/ports';

/** A presigned URL to PUT one of the project's objects straight into the store (S3). */
export interface GetProjectObjectUploadUrlQuery {
  readonly projectId: string;
  /** The caller's key, under the project. */
  readonly key: string;
  /** The object's exact size: signed into the URL, and at most MODEL_ARTIFACT_MAX_BYTES. */
  readonly contentLength: number;
  readonly contentType: string;
  /** Shorter than MODEL_ARTIFACT_URL_TTL_SECONDS when asked; never longer. */
  readonly expiresInSeconds?: number;
}

export interface ProjectObjectUploadUrl {
  readonly key: string;
  /** The `artifactUri` a `model.register-version` task takes, once the object is there. */
  readonly uri: string;
  readonly presigned: PresignedRequest;
}
