/**
 * Retries as a share of calls over a sliding window (Finagle's and Linkerd's retry budget): a
 * retry is allowed while the window's retries stay under `minimum + ratio × calls`, so a server
 * that fails everything receives at most that many extra calls instead of every call times the
 * attempts. Approximate by design: a check and its record are two steps, so concurrent retries
 * may overshoot by the few in flight.
 */
export class RetryBudget {
  private readonly slices: { start: number; calls: number; retries: number }[] = [];

  constructor(
    private readonly options: { readonly ratio: number; readonly minimum: number; readonly windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  recordCall(): void {
    this.slice().calls += 1;
  }

  recordRetry(): void {
    this.slice().retries += 1;
  }

  allowsRetry(): boolean {
    this.forgetOld();
    const calls = this.slices.reduce((sum, slice) => sum + slice.calls, 0);
    const retries = this.slices.reduce((sum, slice) => sum + slice.retries, 0);
    return retries < this.options.minimum + this.options.ratio * calls;
  }

  // Ten slices per window: old counts leave a tenth of a window at a time, not all at once.
  private slice(): { start: number; calls: number; retries: number } {
    this.forgetOld();
    const width = this.options.windowMs / 10;
    const start = Math.floor(this.now() / width) * width;
    const last = this.slices.at(-1);
    if (last?.start === start) return last;
    const slice = { start, calls: 0, retries: 0 };
    this.slices.push(slice);
    return slice;
  }

  private forgetOld(): void {
    const oldest = this.now() - this.options.windowMs;
    while (this.slices.length > 0 && this.slices[0].start + this.options.windowMs / 10 <= oldest) this.slices.shift();
  }
}
