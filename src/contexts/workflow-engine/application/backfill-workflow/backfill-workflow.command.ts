export class BackfillWorkflowCommand {
  constructor(
    readonly workflowId: string,
    /** The range's ends, both included. */
    readonly from: Date,
    readonly to: Date,
    readonly actorId?: string,
  ) {}
}

export interface BackfilledSlot {
  readonly scheduledFor: string;
  /** The slot's run: started now, or by the scheduler or an earlier backfill. */
  readonly runId?: string;
  readonly created: boolean;
  /** Set when the concurrency policy `skip` refused the slot's run; a later backfill may run it. */
  readonly skipped?: true;
}
