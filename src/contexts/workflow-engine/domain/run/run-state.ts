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
