import type { ApprovalStatus } from '../ports/approval-queries.js';

export type { ApprovalSummary } from '../ports/approval-queries.js';
export type { Page } from '../ports/run-queries.js';

/** A project's approval requests, newest first, optionally in one status, a page at a time. */
export interface ListProjectApprovalsQuery {
  readonly projectId: string;
  readonly status?: ApprovalStatus;
  readonly limit: number;
  readonly cursor?: string;
}
