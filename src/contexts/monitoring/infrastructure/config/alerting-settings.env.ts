import { readBreakerSettings, type BreakerSettings } from '@libs/outbound';
import { ConfigError, EnvReader } from '@libs/platform';
import { AlertingSettings } from '../../application/ports/alerting-settings.js';

type Env = Record<string, string | undefined>;

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** ALERT_* and SMTP_* settings, checked at boot (README, configuration). */
export class EnvAlertingSettings extends AlertingSettings {
  private constructor(
    readonly evaluationIntervalMs: number,
    readonly leaseMs: number,
    readonly batchSize: number,
    /** Unset: email receivers' notifications fail for good, each attempt saying why. */
    readonly smtpUrl: string | undefined,
    readonly emailFrom: string,
    /** SMTP_BREAKER_*: the SMTP server's circuit breaker (docs/adr/0016). */
    readonly smtpBreaker: BreakerSettings,
  ) {
    super();
  }

  static fromEnv(env: Env): EnvAlertingSettings {
    const read = new EnvReader(env);
    const emailFrom = read.string('ALERT_EMAIL_FROM', 'ml-platform-alerts@localhost');
    if (!ADDRESS.test(emailFrom)) throw new ConfigError('ALERT_EMAIL_FROM', 'must be an email address');
    return new EnvAlertingSettings(
      read.integer('ALERT_EVAL_INTERVAL_MS', 30_000, 10, 3_600_000),
      read.integer('ALERT_EVAL_LEASE_MS', 60_000, 100, 3_600_000),
      read.integer('ALERT_EVAL_BATCH_SIZE', 20, 1, 500),
      env.SMTP_URL?.trim() ? read.url('SMTP_URL', ['smtp:', 'smtps:']) : undefined,
      emailFrom,
      readBreakerSettings(read, 'SMTP'),
    );
  }
}
