export type WorkflowRunState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A workflow run started or ended, as the workflow engine told. */
export interface RecordWorkflowRunCommand {
  readonly projectId: string;
  readonly runId: string;
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly state: WorkflowRunState;
  /** When the engine says it happened (ISO-8601). */
  readonly at: string;
  /**
   * When the run started, which the engine tells with the run's end as well as its start; absent for
   * a run cancelled before it started, and in events published before the engine told it.
   */
  readonly startedAt?: string;
}
