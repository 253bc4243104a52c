export type RunState = 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';

export interface RunTransition {
  readonly from: RunState;
  readonly to: RunState;
  readonly at: Date;
  readonly reason?: string;
}

const FINISHED: ReadonlySet<RunState> = new Set(['succeeded', 'failed', 'cancelled']);

export function isFinished(state: RunState): boolean {
  return FINISHED.has(state);
}

/** When the run left the queue: undefined while it waits there, and for a run cancelled there. */
export function startOf(transitions: readonly RunTransition[]): Date | undefined {
  return transitions.find((transition) => transition.from === 'queued' && transition.to === 'running')?.at;
}
