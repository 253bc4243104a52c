import type { TaskAttempt } from './task-queue.js';

/** How a request ended: a person's decision, its deadline, or its task moving on without one (a cancelled run). */
export type ApprovalOutcome =
  | { readonly status: 'approved' | 'rejected'; readonly by: string; readonly comment?: string }
  | { readonly status: 'expired' | 'cancelled' };

/** Port: the approvals waiting for a person, as far as deciding and expiring them needs. */
export abstract class ApprovalRequests {
  /** Pending attempts whose deadline passed, oldest deadline first. */
  abstract pastDeadline(limit: number): Promise<TaskAttempt[]>;
  /** Records how the pending request of an attempt ended; the row stays for the project's approval list. */
  abstract close(attempt: TaskAttempt, outcome: ApprovalOutcome): Promise<void>;
}
