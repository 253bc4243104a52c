/** A task run of a workflow run ended, as the workflow engine told. */
export interface RecordTaskRunCommand {
  readonly projectId: string;
  readonly runId: string;
  readonly workflowId: string;
  /** The task's key in the run, with the item index for a fan-out (`train[2]`). */
  readonly taskRunKey: string;
  readonly taskId: string;
  readonly taskType: string;
  readonly attempt: number;
  readonly state: 'succeeded' | 'failed';
  readonly at: string;
}
