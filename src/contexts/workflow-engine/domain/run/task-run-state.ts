export type TaskRunState =
  | 'pending'
  | 'queued'
  /** An `approval` task run waiting for a person's decision: it has no job, its request row stands for one. */
  | 'waiting_for_approval'
  | 'running'
  | 'retrying'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'upstream_failed'
  | 'cancelled';

/** Every task run state, in the order a task run usually passes through them. */
export const TASK_RUN_STATES: readonly TaskRunState[] = [
  'pending',
  'queued',
  'waiting_for_approval',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'skipped',
  'upstream_failed',
  'cancelled',
];

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
