import type { JsonValue } from '../../domain/json-value.js';

/** The task run an attempt belongs to: the same on every attempt of it. */
export interface TaskRunIdentity {
  readonly runId: string;
  /** The task id, with the item's index for a forEach task. */
  readonly key: string;
}

/**
 * Runs task runs of one type in this process. `input` is the task's rendered params, already checked
 * against the type's params schema; `signal` aborts on the task's timeout and on shutdown. Throwing
 * fails the attempt with the error's message; throwing TaskFailedForGood fails the task without the
 * retries its policy would give it.
 */
export abstract class TaskExecutor {
  abstract readonly type: string;
  abstract execute(input: JsonValue, signal: AbortSignal, taskRun: TaskRunIdentity): Promise<JsonValue>;
}

/** A failure another attempt cannot change (the outbound policy refused the URL): no retries. */
export class TaskFailedForGood extends Error {
  override readonly name = 'TaskFailedForGood';
}
