import { Injectable } from '@nestjs/common';
import type { RunState } from '../../domain/run/run-state.js';
import { RunQueries, type Page, type RunSummary } from '../ports/run-queries.js';

/** The runs of a workflow, newest first, optionally in one state, a page at a time. */
@Injectable()
export class ListRunsHandler {
  constructor(private readonly queries: RunQueries) {}

  execute(workflowId: string, limit: number, state?: RunState, cursor?: string): Promise<Page<RunSummary>> {
    return this.queries.listRuns(workflowId, { state, limit, cursor });
  }
}
