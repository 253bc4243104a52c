import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { WebhookSettings } from './webhook-settings.js';

describe('WebhookSettings', () => {
  it('has defaults for every setting', () => {
    const settings = WebhookSettings.fromEnv({});
    expect(settings.retry).toMatchObject({ maxAttempts: 8, baseBackoffMs: 30_000 });
    expect(settings).toMatchObject({ requestTimeoutMs: 10_000, batchSize: 20, pollIntervalMs: 1000, allowHttp: false });
  });

  it('reads each variable', () => {
    const settings = WebhookSettings.fromEnv({
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_BACKOFF_BASE_MS: '50',
      WEBHOOK_REQUEST_TIMEOUT_MS: '2000',
      WEBHOOK_DELIVERY_BATCH_SIZE: '5',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_BREAKER_FAILURES: '3',
      WEBHOOK_BREAKER_HALF_OPEN_MS: '500',
      WEBHOOK_BREAKER_MAX_TARGETS: '50',
    });
    expect(settings.breaker).toMatchObject({ consecutiveFailures: 3, halfOpenAfterMs: 500 });
    expect(settings.breakerMaxTargets).toBe(50);
    expect(settings.retry).toMatchObject({ maxAttempts: 3, baseBackoffMs: 50 });
    expect(settings).toMatchObject({ requestTimeoutMs: 2000, batchSize: 5, pollIntervalMs: 20, allowHttp: true });
  });

  it.each([
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_BACKOFF_BASE_MS', 'soon'],
    ['WEBHOOK_REQUEST_TIMEOUT_MS', '10'],
    ['WEBHOOK_ALLOW_HTTP', 'maybe'],
    ['WEBHOOK_BREAKER_MAX_TARGETS', '0'],
  ])('refuses %s=%s at boot, naming the variable', (name, value) => {
    expect(() => WebhookSettings.fromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => WebhookSettings.fromEnv({ [name]: value })).toThrow(name);
  });
});
