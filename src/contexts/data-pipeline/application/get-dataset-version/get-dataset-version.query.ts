export interface GetDatasetVersionQuery {
  readonly versionId: string;
}
