import type { Schemas } from '../api/client';

type RunState = Schemas['RunResponse']['state'];
type TaskRun = Schemas['TaskRunResponse'];

export type RunControl = 'pause' | 'resume' | 'cancel' | 'rerun';

const FINISHED: ReadonlySet<RunState> = new Set(['succeeded', 'failed', 'cancelled']);

/** Where the API lets each control take a run from: the run's state machine (domain/run/workflow-run.ts). */
const ALLOWED_FROM: Record<RunControl, readonly RunState[]> = {
  pause: ['running'],
  resume: ['paused'],
  cancel: ['queued', 'running', 'paused'],
  rerun: [...FINISHED],
};

export function isFinished(state: RunState): boolean {
  return FINISHED.has(state);
}

/** The controls a run in `state` offers; the API refuses the others with 409. */
export function controlsOf(state: RunState): RunControl[] {
  return (Object.keys(ALLOWED_FROM) as RunControl[]).filter((control) => ALLOWED_FROM[control].includes(state));
}

/** A failed task run can be retried by hand while its run goes on, or brings a failed run back. */
export function canRetry(state: RunState, taskRun: TaskRun): boolean {
  return taskRun.state === 'failed' && (state === 'running' || state === 'failed');
}

/**
 * A finished run can run again from one of its tasks (a fan-out's items run again with their task).
 * Whether everything upstream succeeded is the API's to say: it refuses with the tasks that did not.
 */
export function canRerunFrom(state: RunState, taskRun: TaskRun): boolean {
  return isFinished(state) && taskRun.itemIndex === undefined;
}
