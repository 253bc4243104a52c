export interface GetModelVersionLineageQuery {
  readonly versionId: string;
}
