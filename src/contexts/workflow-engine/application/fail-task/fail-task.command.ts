import type { TaskAttempt } from '../ports/task-queue.js';

/** An executor's attempt failed: an error, or it ran past the task's timeout. */
export interface FailTaskCommand {
  readonly attempt: TaskAttempt;
  readonly error: string;
  /** Also append the attempt's outcome line to its task log, in the same transaction. */
  readonly logged?: boolean;
  /** When the attempt began, if its start was not recorded yet (TaskExecution.startedAt): recorded with this outcome. */
  readonly startedAt?: Date;
  /** False when another attempt cannot change the outcome (the outbound policy refused a URL); true when absent. */
  readonly retryable?: boolean;
}
