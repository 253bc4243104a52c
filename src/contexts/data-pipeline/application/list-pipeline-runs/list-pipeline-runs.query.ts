export interface ListPipelineRunsQuery {
  readonly pipelineId: string;
  readonly limit: number;
}
