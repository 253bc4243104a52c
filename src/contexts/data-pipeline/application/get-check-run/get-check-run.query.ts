export interface GetCheckRunQuery {
  readonly checkRunId: string;
}
