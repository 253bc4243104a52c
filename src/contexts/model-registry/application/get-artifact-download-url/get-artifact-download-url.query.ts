export interface GetArtifactDownloadUrlQuery {
  readonly versionId: string;
}
