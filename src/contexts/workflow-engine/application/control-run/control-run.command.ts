import type { RunControl } from '../services/run-controls.js';

export type { RunControl } from '../services/run-controls.js';

/** A person's hand on a run: cancel it, hold its progress, or let it go on. */
export interface ControlRunCommand {
  readonly runId: string;
  readonly action: RunControl;
  /** Kept with a cancellation; 'cancelled by request' when absent. */
  readonly reason?: string;
}
