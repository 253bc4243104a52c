export interface ListScheduledWorkflowsQuery {
  readonly projectId: string;
}
