import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { EnvAlertingSettings } from './alerting-settings.env.js';

describe('EnvAlertingSettings', () => {
  it('has defaults for every setting, and no SMTP server unless told', () => {
    expect(EnvAlertingSettings.fromEnv({})).toMatchObject({
      evaluationIntervalMs: 30_000,
      leaseMs: 60_000,
      batchSize: 20,
      smtpUrl: undefined,
      emailFrom: 'ml-platform-alerts@localhost',
      smtpBreaker: { consecutiveFailures: 5, failureRatio: 0.5, windowCalls: 20, halfOpenAfterMs: 10_000 },
    });
  });

  it('reads each variable', () => {
    const settings = EnvAlertingSettings.fromEnv({
      ALERT_EVAL_INTERVAL_MS: '100',
      ALERT_EVAL_LEASE_MS: '5000',
      ALERT_EVAL_BATCH_SIZE: '3',
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      ALERT_EMAIL_FROM: 'alerts@example.com',
      SMTP_BREAKER_FAILURES: '3',
      SMTP_BREAKER_HALF_OPEN_MS: '30000',
    });
    expect(settings).toMatchObject({
      evaluationIntervalMs: 100,
      leaseMs: 5000,
      batchSize: 3,
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      emailFrom: 'alerts@example.com',
      smtpBreaker: expect.objectContaining({ consecutiveFailures: 3, halfOpenAfterMs: 30_000 }),
    });
  });

  it('stops the boot naming a bad variable', () => {
    expect(() => EnvAlertingSettings.fromEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(ConfigError);
    expect(() => EnvAlertingSettings.fromEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => EnvAlertingSettings.fromEnv({ ALERT_EMAIL_FROM: 'nobody' })).toThrow(/ALERT_EMAIL_FROM/);
    expect(() => EnvAlertingSettings.fromEnv({ ALERT_EVAL_INTERVAL_MS: '0' })).toThrow(/ALERT_EVAL_INTERVAL_MS/);
  });
});
