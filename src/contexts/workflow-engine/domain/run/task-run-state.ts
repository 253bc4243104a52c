export type TaskRunState =
  'pending' | 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'upstream_failed' | 'cancelled';

const TERMINAL: ReadonlySet<TaskRunState> = new Set(['succeeded', 'failed', 'skipped', 'upstream_failed', 'cancelled']);
/** Terminal states that stop the tasks downstream from running. */
const BLOCKING: ReadonlySet<TaskRunState> = new Set(['failed', 'upstream_failed', 'cancelled']);

export function isTerminal(state: TaskRunState): boolean {
  return TERMINAL.has(state);
}

export function blocksDownstream(state: TaskRunState): boolean {
  return BLOCKING.has(state);
}

export interface TaskTransition {
  readonly from: TaskRunState;
  readonly to: TaskRunState;
  readonly at: Date;
  readonly attempt: number;
}
