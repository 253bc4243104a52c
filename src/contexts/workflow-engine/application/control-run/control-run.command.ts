export type RunControl = 'cancel' | 'pause' | 'resume';

/** A person's hand on a run: cancel it, hold its progress, or let it go on. */
export class ControlRunCommand {
  constructor(
    readonly runId: string,
    readonly action: RunControl,
    /** Kept with a cancellation. */
    readonly reason = 'cancelled by request',
  ) {}
}
