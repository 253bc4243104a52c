/** A workflow whose latest version runs on a schedule. */
export interface ScheduledWorkflow {
  readonly workflowId: string;
  readonly projectId: string;
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
}

/** What other contexts may ask about schedules: monitoring suggests service-level rules for them (docs/adr/0604). */
export abstract class ScheduledWorkflowsFacade {
  abstract scheduledIn(projectId: string): Promise<ScheduledWorkflow[]>;
}
