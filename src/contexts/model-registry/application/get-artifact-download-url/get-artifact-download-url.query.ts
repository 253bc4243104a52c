export interface GetArtifactDownloadUrlQuery {
  readonly versionId: string;
  /** Shorter than MODEL_ARTIFACT_URL_TTL_SECONDS when asked; never longer. */
  readonly expiresInSeconds?: number;
}
