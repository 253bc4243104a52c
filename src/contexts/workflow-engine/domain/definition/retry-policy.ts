import type { Backoff, RetriesDocument } from './definition-document.js';

/** How often and how patiently a failed task is tried again. */
export class RetryPolicy {
  static readonly NONE = new RetryPolicy(0, 'fixed', 0, undefined, false);

  private constructor(
    readonly maxRetries: number,
    readonly backoff: Backoff,
    readonly delayMs: number,
    readonly maxDelayMs: number | undefined,
    readonly jitter: boolean,
  ) {}

  static from(document: RetriesDocument | undefined): RetryPolicy {
    if (document === undefined) return RetryPolicy.NONE;
    return new RetryPolicy(
      document.max,
      document.backoff,
      document.delayMs,
      document.maxDelayMs,
      document.jitter ?? false,
    );
  }

  /** Whether a task that has been retried `retriesSoFar` times after failing may be retried again. */
  allowsRetry(retriesSoFar: number): boolean {
    return retriesSoFar < this.maxRetries;
  }

  /**
   * The wait before retry number `retry` (1-based). Exponential doubles from `delayMs`, capped by
   * `maxDelayMs`. Jitter spreads retries of many tasks that failed together over [delay/2, delay]
   * ("equal jitter"): they stop hitting a recovering service at once, yet none retries immediately.
   * `random` is a number in [0, 1) from the caller, so the decision stays a pure function.
   */
  delayBeforeRetry(retry: number, random: number): number {
    const growth = this.backoff === 'exponential' ? 2 ** Math.min(retry - 1, 52) : 1;
    const delay = Math.min(this.delayMs * growth, this.maxDelayMs ?? Number.MAX_SAFE_INTEGER);
    return this.jitter ? Math.round(delay / 2 + (delay / 2) * random) : delay;
  }
}
