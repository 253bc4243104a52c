import { EnvReader } from '@libs/platform';
import { LogSettings } from '../../application/ports/log-settings.js';

/** LOG_RETENTION_DAYS and LOG_PRUNE_INTERVAL_MS, checked at boot (README, configuration). */
export class EnvLogSettings extends LogSettings {
  private constructor(
    readonly retentionDays: number,
    readonly pruneIntervalMs: number,
  ) {
    super();
  }

  static fromEnv(env: Record<string, string | undefined>): EnvLogSettings {
    const read = new EnvReader(env);
    return new EnvLogSettings(
      read.integer('LOG_RETENTION_DAYS', 30, 1, 3650),
      read.integer('LOG_PRUNE_INTERVAL_MS', 3_600_000, 1_000, 86_400_000),
    );
  }
}
