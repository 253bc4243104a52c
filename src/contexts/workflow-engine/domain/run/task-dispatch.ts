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

/** Tasks that external workers claim over HTTP, under a lease. */
export const EXTERNAL_TASK_TYPE = 'external';

/** Tasks that wait for a person's decision. */
export const APPROVAL_TASK_TYPE = 'approval';

/**
 * Task types whose runs wait in a table of their own (leases workers claim, requests people decide
 * on) rather than as queue jobs: nothing enqueues a job for them, and no queue is searched for one.
 */
export function isRowBacked(type: string): boolean {
  return type === EXTERNAL_TASK_TYPE || type === APPROVAL_TASK_TYPE;
}
