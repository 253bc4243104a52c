import type { Page } from './run-queries.js';

/**
 * Where an approval request stands: waiting (`pending`), decided, past its deadline, or `cancelled`
 * when its task moved on without a decision (its run was cancelled or it was superseded).
 */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'expired', 'cancelled'];

/** One attempt of an approval task asking for a decision, as the lists show it. */
export interface ApprovalSummary {
  readonly id: string;
  readonly projectId: string;
  readonly runId: string;
  readonly workflowId: string;
  readonly workflowName: string;
  readonly taskKey: string;
  readonly attempt: number;
  readonly status: ApprovalStatus;
  readonly message?: string;
  /** The user ids the task names; empty when anyone with workflow:approve may decide. */
  readonly approvers: readonly string[];
  readonly requestedAt: Date;
  readonly expiresAt?: Date;
  /** Who decided, when and why: present for approved and rejected requests. */
  readonly decision?: { readonly by: string; readonly at: Date; readonly comment?: string };
}

export interface ApprovalFilter {
  readonly projectIds: readonly string[];
  readonly status?: ApprovalStatus;
  /** Only the requests this user may decide: those naming no approvers, or naming them. */
  readonly decidableBy?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** Port: approval requests of some projects, newest first, a page at a time. */
export abstract class ApprovalQueries {
  abstract list(filter: ApprovalFilter): Promise<Page<ApprovalSummary>>;
}
