export interface RetryPipelineRunCommand {
  readonly runId: string;
  readonly actorId: string;
}
