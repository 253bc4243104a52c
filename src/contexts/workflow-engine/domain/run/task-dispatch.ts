import type { JsonValue } from '../json-value.js';

/**
 * A task run the orchestrator must hand to an executor now (or after `delayMs`). It carries the
 * attempt, which the executor reports back with as its fencing token.
 */
export interface TaskDispatch {
  readonly runId: string;
  readonly key: string;
  readonly taskId: string;
  readonly type: string;
  readonly attempt: number;
  readonly input: JsonValue;
  readonly priority: number;
  readonly queue?: string;
  readonly timeoutMs?: number;
  readonly delayMs: number;
  /** Present when the task is cached: look it up before executing, and store the outputs under it after. */
  readonly cache?: { readonly key: string; readonly ttlSeconds: number };
}
