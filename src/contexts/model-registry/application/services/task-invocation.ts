/** Who and what runs a model task: the workflow run and task, in the run's project. */
export interface TaskInvocation {
  readonly projectId: string;
  readonly runId: string;
  /** The task's id in the workflow definition. */
  readonly taskId: string;
  readonly workflowId?: string;
  /** The user the run acts for; becomes the registrant, so four eyes still hold. */
  readonly actorId: string;
}
