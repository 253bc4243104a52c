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
}
