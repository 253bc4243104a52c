import type { JsonValue } from '../../domain/json-value.js';
import type { TaskAttempt } from '../ports/task-queue.js';

/** An executor finished an attempt well. */
export class CompleteTaskCommand {
  constructor(
    readonly attempt: TaskAttempt,
    readonly outputs: JsonValue,
  ) {}
}
