/** Runs a finished run again as a new run: everything, or from one task on reusing what is upstream of it. */
export interface RerunRunCommand {
  readonly runId: string;
  readonly fromTask?: string;
  /** The user asking for the rerun, who the new run acts for. */
  readonly actorId?: string;
}
