import { EnvReader } from '@libs/platform';
import { FeedbackSettings } from '../../application/ports/feedback-settings.js';

type Env = Record<string, string | undefined>;

/** The feedback settings from the environment, checked at boot; each failure names its variable. */
export function readFeedbackSettings(env: Env): FeedbackSettings {
  const read = new EnvReader(env);
  return new FeedbackSettings(
    read.integer('PREDICTION_LOG_FLUSH_INTERVAL_MS', 1000, 10, 60_000),
    read.integer('PREDICTION_LOG_MAX_BUFFERED', 50_000, 100, 10_000_000),
    read.integer('PREDICTION_LOG_MAX_PAYLOAD_BYTES', 65_536, 256, 16_777_216),
    read.integer('PREDICTION_EXPERIMENT_INTERVAL_MS', 60_000, 100, 86_400_000),
    read.integer('PREDICTION_RECORD_PRUNE_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    read.integer('PREDICTION_BANDIT_REFRESH_MS', 1000, 0, 60_000),
  );
}
