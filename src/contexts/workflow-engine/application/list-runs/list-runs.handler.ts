import { Injectable } from '@nestjs/common';
import { RunQueries } from '../ports/run-queries.js';
import type { ListRunsQuery, Page, RunSummary } from './list-runs.query.js';

/** The runs of a workflow, newest first, optionally in one state and time window, a page at a time. */
@Injectable()
export class ListRunsHandler {
  constructor(private readonly queries: RunQueries) {}

  execute({ workflowId, ...filter }: ListRunsQuery): Promise<Page<RunSummary>> {
    return this.queries.listRuns(workflowId, filter);
  }
}
