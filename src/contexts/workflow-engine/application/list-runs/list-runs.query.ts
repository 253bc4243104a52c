import type { RunFilter } from '../ports/run-queries.js';

export type { Page, RunSummary } from '../ports/run-queries.js';

/** The runs of a workflow, newest first, optionally in one state and time window, a page at a time. */
export interface ListRunsQuery extends RunFilter {
  readonly workflowId: string;
}
