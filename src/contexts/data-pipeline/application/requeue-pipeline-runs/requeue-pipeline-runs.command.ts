export interface RequeuePipelineRunsCommand {
  /** Runs queued before this instant are put on the queue again. */
  readonly queuedBefore: Date;
  readonly limit: number;
}
