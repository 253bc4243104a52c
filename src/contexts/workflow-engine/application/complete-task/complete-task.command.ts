import type { JsonValue } from '../../domain/json-value.js';
import type { TaskAttempt } from '../ports/task-queue.js';

/** An executor finished an attempt well. */
export interface CompleteTaskCommand {
  readonly attempt: TaskAttempt;
  readonly outputs: JsonValue;
  /** Also append the attempt's outcome line to its task log, in the same transaction. */
  readonly logged?: boolean;
  /** When the attempt began, if its start was not recorded yet (TaskExecution.startedAt): recorded with this outcome. */
  readonly startedAt?: Date;
}
