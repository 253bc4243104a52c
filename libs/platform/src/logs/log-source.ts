/**
 * The shape every context's structured run logs share, so monitoring can search them through one
 * API (docs/adr/0605). Each context keeps its lines in its own schema and publishes a facade that
 * extends `LogSource` in its contracts; monitoring asks every one hosted in its process.
 */

/** Levels in increasing severity; a search by level answers that level and the ones above it. */
export const RUN_LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type RunLogLevel = (typeof RUN_LOG_LEVELS)[number];

/** The levels at or above `level`. */
export function levelsFrom(level: RunLogLevel): readonly RunLogLevel[] {
  return RUN_LOG_LEVELS.slice(RUN_LOG_LEVELS.indexOf(level));
}

/** A point in the newest-first order of all sources: time (to the millisecond), source, then the source's own seq. */
export interface LogPosition {
  readonly at: Date;
  readonly source: string;
  readonly seq: string;
}

export interface LogSearchCriteria {
  readonly projectId: string;
  /** A workflow run, pipeline run or batch prediction id. */
  readonly runId?: string;
  /** A task key of a workflow run, or a pipeline step name. */
  readonly taskId?: string;
  /** Only these levels; every level when absent. */
  readonly levels?: readonly RunLogLevel[];
  /** Words to find, in PostgreSQL's web-search syntax (`"exact phrase"`, `-not`, `or`). */
  readonly text?: string;
  /** Lines written at or after this time. */
  readonly from?: Date;
  /** Lines written before this time. */
  readonly to?: Date;
  /** Lines that come after this position in newest-first order (the previous page's last line). */
  readonly after?: LogPosition;
  readonly limit: number;
}

export interface LogRecord {
  /** The kind of run that wrote it: `task-run`, `pipeline-run`, `batch-prediction`. */
  readonly source: string;
  /** Orders lines of one source written in the same millisecond. */
  readonly seq: string;
  readonly at: Date;
  readonly level: RunLogLevel;
  readonly message: string;
  readonly runId: string;
  readonly taskId: string | null;
  readonly attempt: number | null;
}

/** A context's structured run logs, searchable and pruned by monitoring. */
export abstract class LogSource {
  /** The `source` of its records; sources are merged in the order of these names at one instant. */
  abstract readonly source: string;
  /** Up to `limit` matching lines, newest first, after `criteria.after`. */
  abstract search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]>;
  /** Deletes the lines written before `cutoff`; answers how many. */
  abstract pruneBefore(cutoff: Date): Promise<number>;
}
