import type { TaskAttempt } from '../ports/task-queue.js';

/** An executor's attempt failed: an error, or it ran past the task's timeout. */
export class FailTaskCommand {
  constructor(
    readonly attempt: TaskAttempt,
    readonly error: string,
  ) {}
}
