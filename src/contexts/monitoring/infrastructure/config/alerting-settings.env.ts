import { EnvReader } from '@libs/platform';
import { AlertingSettings } from '../../application/ports/alerting-settings.js';

type Env = Record<string, string | undefined>;

/** ALERT_* settings, checked at boot (README, configuration). */
export class EnvAlertingSettings extends AlertingSettings {
  private constructor(
    readonly evaluationIntervalMs: number,
    readonly leaseMs: number,
    readonly batchSize: number,
  ) {
    super();
  }

  static fromEnv(env: Env): EnvAlertingSettings {
    const read = new EnvReader(env);
    return new EnvAlertingSettings(
      read.integer('ALERT_EVALUATION_INTERVAL_MS', 30_000, 10, 3_600_000),
      read.integer('ALERT_EVALUATION_LEASE_MS', 60_000, 100, 3_600_000),
      read.integer('ALERT_EVALUATION_BATCH_SIZE', 20, 1, 500),
    );
  }
}
