import type { TaskAttempt } from '../ports/task-queue.js';

export type { TaskExecution } from '../services/task-attempts.js';

/** An executor picked up a job: the attempt it names is about to run. */
export interface StartTaskCommand {
  readonly attempt: TaskAttempt;
  /** Also append the attempt's start line to its task log, in the same transaction. */
  readonly logged?: boolean;
}
