import type { ApprovalStatus } from '../ports/approval-queries.js';

export type { ApprovalSummary } from '../ports/approval-queries.js';
export type { Page } from '../ports/run-queries.js';

/**
 * A user's approval inbox: the requests across their projects that they may decide. `onlyProject`
 * narrows it to one project (an API key acts in its own project only).
 */
export interface ListMyApprovalsQuery {
  readonly userId: string;
  readonly onlyProject?: string;
  readonly status: ApprovalStatus;
  readonly limit: number;
  readonly cursor?: string;
}
