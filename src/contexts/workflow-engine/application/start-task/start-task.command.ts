import type { TaskAttempt } from '../ports/task-queue.js';

import type { Delivery } from '../services/task-attempts.js';

export type { Delivery, TaskExecution } from '../services/task-attempts.js';

/** An executor picked up a job: the attempt it names is about to run. */
export interface StartTaskCommand {
  readonly attempt: TaskAttempt;
  /** Also append the attempt's start line to its task log, in the same transaction. */
  readonly logged?: boolean;
  /**
   * How BullMQ handed the job over, for its own workers: a first delivery leaves the start to be
   * recorded with the outcome; absent, the start is recorded before the answer, as for other executors.
   */
  readonly delivery?: Delivery;
}
