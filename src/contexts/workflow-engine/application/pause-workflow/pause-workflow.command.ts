/** Pause a workflow's schedule and triggers, or resume them (`paused: false`). */
export interface PauseWorkflowCommand {
  readonly workflowId: string;
  readonly paused: boolean;
}
