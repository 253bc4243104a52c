/**
 * Work a process does now and then every interval, never two rounds at once (a slow round makes the
 * next tick a no-op, not a pile-up). A failed round is reported and the next one tries again.
 */
export class PeriodicWork {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly failed: (error: Error) => void,
  ) {}

  /** A round now, then one every `intervalMs`; 0 means the first round only. */
  start(intervalMs: number): void {
    void this.tick();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // A timer alone must not keep the process alive.
    this.timer.unref();
  }

  /** No more rounds; resolves once the one in progress ended. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** A round now, unless one is in progress (then that one's end). */
  tick(): Promise<void> {
    this.running ??= this.round()
      .catch((error: unknown) => this.failed(error as Error))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
