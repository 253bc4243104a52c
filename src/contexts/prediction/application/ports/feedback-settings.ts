/** The prediction log's buffer and the experiment workers' pace (PREDICTION_LOG_*, PREDICTION_EXPERIMENT_*). */
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
    /** How long a process routes a `bandit` deployment on the feedback counts it last read. */
    readonly banditRefreshMs = 1000,
  ) {}
}
