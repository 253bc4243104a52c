import { readBreakerSettings, type BreakerSettings } from '@libs/outbound';
import { EnvReader } from '@libs/platform';
import { DeliverySettings } from '../../application/ports/delivery-settings.js';
import { RetryPolicy } from '../../domain/webhooks/retry-policy.js';

type Env = Record<string, string | undefined>;

/** WEBHOOK_* settings, checked at boot (README, configuration). */
export class WebhookSettings extends DeliverySettings {
  private constructor(
    readonly retry: RetryPolicy,
    readonly requestTimeoutMs: number,
    readonly batchSize: number,
    readonly pollIntervalMs: number,
    readonly allowHttp: boolean,
    /** WEBHOOK_BREAKER_*: each target origin's circuit breaker, shared by webhooks and Slack channels. */
    readonly breaker: BreakerSettings,
    /** Origins with a breaker (and a metric label) of their own; the least recently used are forgotten. */
    readonly breakerMaxTargets: number,
  ) {
    super();
  }

  static fromEnv(env: Env): WebhookSettings {
    const read = new EnvReader(env);
    return new WebhookSettings(
      new RetryPolicy(
        read.integer('WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
        read.integer('WEBHOOK_BACKOFF_BASE_MS', 30_000, 1),
      ),
      read.integer('WEBHOOK_REQUEST_TIMEOUT_MS', 10_000, 100, 120_000),
      read.integer('WEBHOOK_DELIVERY_BATCH_SIZE', 20, 1, 500),
      read.integer('WEBHOOK_POLL_INTERVAL_MS', 1_000, 10, 60_000),
      read.boolean('WEBHOOK_ALLOW_HTTP', false),
      // Above WEBHOOK_MAX_ATTEMPTS' default: one delivery's retries alone do not open its origin's breaker.
      readBreakerSettings(read, 'WEBHOOK', 10),
      read.integer('WEBHOOK_BREAKER_MAX_TARGETS', 1000, 1, 100_000),
    );
  }
}
