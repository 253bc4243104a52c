import { ScheduledWorkflowReader } from '../../../src/contexts/workflow-engine/application/ports/scheduled-workflow-reader.js';
import type { ScheduledWorkflow } from '../../../src/contexts/workflow-engine/contracts/scheduled-workflows.facade.js';

/** Scheduled workflows planted in memory. */
export class PlantedScheduledWorkflows extends ScheduledWorkflowReader {
  constructor(private readonly planted: readonly ScheduledWorkflow[]) {
    super();
  }

  ofProject(projectId: string): Promise<ScheduledWorkflow[]> {
    return Promise.resolve(this.planted.filter((workflow) => workflow.projectId === projectId));
  }
}
