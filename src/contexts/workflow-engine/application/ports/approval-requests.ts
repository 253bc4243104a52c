import type { TaskAttempt } from './task-queue.js';

/** Port: the approvals waiting for a person, as far as deciding and expiring them needs. */
export abstract class ApprovalRequests {
  /** Attempts whose deadline passed, oldest deadline first. */
  abstract pastDeadline(limit: number): Promise<TaskAttempt[]>;
  /** Removes the request of an attempt that was decided, expired or found stale. */
  abstract close(attempt: TaskAttempt): Promise<void>;
}
