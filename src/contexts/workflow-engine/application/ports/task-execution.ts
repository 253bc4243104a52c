import type { JsonValue } from '../../domain/json-value.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';

export type TaskOutcome =
  | { readonly ok: true; readonly outputs: JsonValue }
  /** `retryable: false`: the task fails without the retries its policy would give it. */
  | { readonly ok: false; readonly error: string; readonly retryable: boolean };

/** Port: executes one attempt of a task with the executor this process has for its type. */
export abstract class TaskExecution {
  /** Runs one attempt; `stop` aborts it from outside (shutdown) and is not an outcome of the task. */
  abstract run(dispatch: TaskDispatch, stop: AbortSignal): Promise<TaskOutcome>;
}
