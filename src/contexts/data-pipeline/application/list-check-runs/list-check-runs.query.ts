export interface ListCheckRunsQuery {
  readonly versionId: string;
}
