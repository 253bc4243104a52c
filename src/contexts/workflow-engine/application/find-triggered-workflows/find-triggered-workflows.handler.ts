import { Injectable } from '@nestjs/common';
import { WorkflowTriggers } from '../ports/workflow-triggers.js';
import type { FindTriggeredWorkflowsQuery, TriggeredWorkflows } from './find-triggered-workflows.query.js';

/**
 * Finds the workflows a batch of events may start, with one lookup of the trigger index for all:
 * every event of a context passes through the trigger consumer, and most start nothing.
 */
@Injectable()
export class FindTriggeredWorkflowsHandler {
  constructor(private readonly triggers: WorkflowTriggers) {}

  execute({ events }: FindTriggeredWorkflowsQuery): Promise<TriggeredWorkflows> {
    return this.triggers.subscribedTo(events);
  }
}
