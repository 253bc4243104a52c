import type { RetryPolicy } from '../../domain/webhooks/retry-policy.js';

/** Port: WEBHOOK_* settings the delivery use cases read. */
export abstract class DeliverySettings {
  abstract readonly retry: RetryPolicy;
  /** How long one attempt may take: the lease of a claimed delivery is longer than this. */
  abstract readonly requestTimeoutMs: number;
  /** How many deliveries one poller sends at once. */
  abstract readonly batchSize: number;
  /** How often a worker looks for due deliveries. */
  abstract readonly pollIntervalMs: number;
}
