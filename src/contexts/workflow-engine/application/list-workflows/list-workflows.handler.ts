import { Injectable } from '@nestjs/common';
import { RunQueries, type Page, type WorkflowSummary } from '../ports/run-queries.js';

/** The workflows of a project, oldest first, a page at a time. */
@Injectable()
export class ListWorkflowsHandler {
  constructor(private readonly queries: RunQueries) {}

  execute(projectId: string, limit: number, cursor?: string): Promise<Page<WorkflowSummary>> {
    return this.queries.listWorkflows(projectId, limit, cursor);
  }
}
