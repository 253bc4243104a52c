export interface GetArtifactQuery {
  readonly versionId: string;
}
