/** What an attempt led to: the delivery is done, will be tried again, or is dead. */
export type AttemptResult = 'delivered' | 'retrying' | 'dead';

/** Port: counts recorded delivery attempts and their durations. */
export abstract class DeliveryMetrics {
  abstract attempted(result: AttemptResult, durationMs: number): void;
}
