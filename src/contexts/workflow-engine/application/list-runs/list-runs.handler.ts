import { Injectable } from '@nestjs/common';
import { RunQueries, type Page, type RunFilter, type RunSummary } from '../ports/run-queries.js';

/** The runs of a workflow, newest first, optionally in one state and time window, a page at a time. */
@Injectable()
export class ListRunsHandler {
  constructor(private readonly queries: RunQueries) {}

  execute(workflowId: string, filter: RunFilter): Promise<Page<RunSummary>> {
    return this.queries.listRuns(workflowId, filter);
  }
}
