import { EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

/** PREDICTION_LOG_* and PREDICTION_EXPERIMENT_* settings: the prediction log's buffer and the experiment workers. */
export class FeedbackSettings {
  constructor(
    /** How often the buffered prediction records are written. */
    readonly flushIntervalMs: number,
    /** Records waiting beyond this are dropped (and counted in the log): memory stays bounded when PostgreSQL lags. */
    readonly maxBuffered: number,
    /** A request or response larger than this (as JSON) is kept as a note of its size. */
    readonly maxPayloadBytes: number,
    /** How often workers judge experiments whose promotion is on. */
    readonly experimentIntervalMs: number,
    /** How often workers prune records past their retention. */
    readonly pruneIntervalMs: number,
  ) {}

  static fromEnv(env: Env): FeedbackSettings {
    const read = new EnvReader(env);
    return new FeedbackSettings(
      read.integer('PREDICTION_LOG_FLUSH_INTERVAL_MS', 1000, 10, 60_000),
      read.integer('PREDICTION_LOG_MAX_BUFFERED', 50_000, 100, 10_000_000),
      read.integer('PREDICTION_LOG_MAX_PAYLOAD_BYTES', 65_536, 256, 16_777_216),
      read.integer('PREDICTION_EXPERIMENT_INTERVAL_MS', 60_000, 100, 86_400_000),
      read.integer('PREDICTION_RECORD_PRUNE_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    );
  }
}
