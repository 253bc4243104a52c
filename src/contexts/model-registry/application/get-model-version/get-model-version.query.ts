export interface GetModelVersionQuery {
  readonly versionId: string;
}
