/** Port: LOG_* settings of log search and retention. */
export abstract class LogSettings {
  /** Lines older than this many days are deleted. */
  abstract readonly retentionDays: number;
  /** How often a worker deletes them. */
  abstract readonly pruneIntervalMs: number;
}
