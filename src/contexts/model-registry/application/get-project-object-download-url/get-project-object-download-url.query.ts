/** A presigned URL that downloads one of the project's objects without our credentials (S3). */
export interface GetProjectObjectDownloadUrlQuery {
  readonly projectId: string;
  /** The caller's key, under the project. */
  readonly key: string;
  /** Shorter than MODEL_ARTIFACT_URL_TTL_SECONDS when asked; never longer. */
  readonly expiresInSeconds?: number;
}
