import { Injectable } from '@nestjs/common';
import { ListScheduledWorkflowsHandler } from '../application/list-scheduled-workflows/list-scheduled-workflows.handler.js';
import { ScheduledWorkflowsFacade, type ScheduledWorkflow } from '../contracts/scheduled-workflows.facade.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalScheduledWorkflowsFacade extends ScheduledWorkflowsFacade {
  constructor(private readonly scheduled: ListScheduledWorkflowsHandler) {
    super();
  }

  scheduledIn(projectId: string): Promise<ScheduledWorkflow[]> {
    return this.scheduled.execute({ projectId });
  }
}
