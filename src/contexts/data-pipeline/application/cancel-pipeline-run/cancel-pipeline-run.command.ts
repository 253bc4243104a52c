export interface CancelPipelineRunCommand {
  readonly runId: string;
  readonly actorId: string;
}
