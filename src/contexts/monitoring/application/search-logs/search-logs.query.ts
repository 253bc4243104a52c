import type { RunLogLevel, LogRecord } from '@libs/platform/ports';

/** Log lines of one project's runs, newest first, from every hosted source. */
export interface SearchLogsQuery {
  readonly projectId: string;
  readonly runId?: string;
  readonly taskId?: string;
  /** This level and the ones above it. */
  readonly level?: RunLogLevel;
  /** Words to find (PostgreSQL web-search syntax). */
  readonly text?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface LogPage {
  readonly items: readonly LogRecord[];
  readonly nextCursor: string | null;
}
