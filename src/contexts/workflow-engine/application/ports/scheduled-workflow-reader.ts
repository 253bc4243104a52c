import type { ScheduledWorkflow } from '../../contracts/scheduled-workflows.facade.js';

/** Port: a project's workflows that have a schedule, by name. */
export abstract class ScheduledWorkflowReader {
  abstract ofProject(projectId: string): Promise<ScheduledWorkflow[]>;
}
