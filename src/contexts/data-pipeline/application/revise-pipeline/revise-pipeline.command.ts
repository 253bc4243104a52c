export interface RevisePipelineCommand {
  readonly pipelineId: string;
  /** The new definition as the client sent it. */
  readonly definition: unknown;
  readonly actorId: string;
}
