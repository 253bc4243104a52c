/** A worker's job: one attempt of a run. */
export interface ExecutePipelineRunCommand {
  readonly runId: string;
  readonly attempt: number;
  /** The queue's last try of the job: an error of the platform then fails the run instead of leaving it running. */
  readonly lastTry: boolean;
}
