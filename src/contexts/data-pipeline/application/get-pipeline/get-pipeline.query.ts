export interface GetPipelineQuery {
  readonly pipelineId: string;
}
