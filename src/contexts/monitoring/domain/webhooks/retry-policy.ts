/** The longest wait between two attempts, however many came before. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** How often and how far apart a delivery is attempted before it is dead-lettered. */
export class RetryPolicy {
  constructor(
    readonly maxAttempts: number,
    readonly baseBackoffMs: number,
  ) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be at least 1');
    if (!(baseBackoffMs >= 0)) throw new RangeError('baseBackoffMs must not be negative');
  }

  /** The wait after failed attempt `attempt` (1-based): the base, doubled for each attempt before it. */
  backoffAfter(attempt: number): number {
    return Math.min(this.baseBackoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  }
}
