import { Injectable } from '@nestjs/common';
import { RunQueries } from '../ports/run-queries.js';
import type { ListWorkflowsQuery, Page, WorkflowSummary } from './list-workflows.query.js';

/** The workflows of a project, oldest first, a page at a time. */
@Injectable()
export class ListWorkflowsHandler {
  constructor(private readonly queries: RunQueries) {}

  execute({ projectId, limit, cursor }: ListWorkflowsQuery): Promise<Page<WorkflowSummary>> {
    return this.queries.listWorkflows(projectId, limit, cursor);
  }
}
