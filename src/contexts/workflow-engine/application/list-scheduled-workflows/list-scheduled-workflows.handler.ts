import { Injectable } from '@nestjs/common';
import type { ScheduledWorkflow } from '../../contracts/scheduled-workflows.facade.js';
import { ScheduledWorkflowReader } from '../ports/scheduled-workflow-reader.js';
import type { ListScheduledWorkflowsQuery } from './list-scheduled-workflows.query.js';

/** A project's scheduled workflows, by name. */
@Injectable()
export class ListScheduledWorkflowsHandler {
  constructor(private readonly reader: ScheduledWorkflowReader) {}

  execute(query: ListScheduledWorkflowsQuery): Promise<ScheduledWorkflow[]> {
    return this.reader.ofProject(query.projectId);
  }
}
