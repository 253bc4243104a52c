/** Run a range of a workflow's schedule: one run per slot from `from` to `to`, both included. */
export interface BackfillWorkflowCommand {
  readonly workflowId: string;
  readonly from: Date;
  readonly to: Date;
  /** The user asking, who the runs act for. */
  readonly actorId?: string;
}

export interface BackfilledSlot {
  readonly scheduledFor: string;
  /** The slot's run: started now, or by the scheduler or an earlier backfill. */
  readonly runId?: string;
  readonly created: boolean;
  /** Set when the concurrency policy `skip` refused the slot's run; a later backfill may run it. */
  readonly skipped?: true;
}
