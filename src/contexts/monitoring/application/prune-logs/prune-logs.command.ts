/** Deletes the run log lines older than the retention, in every hosted source. */
export type PruneLogsCommand = Record<string, never>;

/** How many lines each source deleted, by source name. */
export type PrunedLogs = Readonly<Record<string, number>>;
