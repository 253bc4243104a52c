export type { Page, WorkflowSummary } from '../ports/run-queries.js';

/** The workflows of a project, oldest first, a page at a time. */
export interface ListWorkflowsQuery {
  readonly projectId: string;
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}
