export interface GetPipelineRunQuery {
  readonly runId: string;
}
