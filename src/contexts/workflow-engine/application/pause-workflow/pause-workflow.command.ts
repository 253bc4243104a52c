/** Pause a workflow's schedule and triggers, or resume them (`paused: false`). */
export class PauseWorkflowCommand {
  constructor(
    readonly workflowId: string,
    readonly paused: boolean,
  ) {}
}
