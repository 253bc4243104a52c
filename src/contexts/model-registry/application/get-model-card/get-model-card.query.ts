export interface GetModelCardQuery {
  readonly versionId: string;
}
