import type { JsonValue } from '../../domain/json-value.js';

/**
 * Runs task runs of one type in this process. `input` is the task's rendered params, already checked
 * against the type's params schema; `signal` aborts on the task's timeout and on shutdown. Throwing
 * fails the attempt with the error's message.
 */
export abstract class TaskExecutor {
  abstract readonly type: string;
  abstract execute(input: JsonValue, signal: AbortSignal): Promise<JsonValue>;
}
