export interface GetPipelineVersionQuery {
  readonly pipelineId: string;
  readonly number: number;
}
