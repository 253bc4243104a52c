import type { RunLogLevel, LogSearchCriteria } from './log-source.js';

/** The SQL expressions of one context's log table that a search filters and orders by. */
export interface LogColumns {
  readonly at: string;
  readonly seq: string;
  readonly level: string;
  readonly message: string;
  readonly projectId: string;
  readonly runId: string;
  readonly taskId: string;
}

/**
 * The text search configuration of every log table's GIN index and of every query: English, so
 * "fail" finds "failed"; an index and a query must name the same one for the index to be used.
 */
export const LOG_TEXT_SEARCH_CONFIG = 'english';

/** The indexed document of a log line: `to_tsvector('english', <message>)`. */
export function logDocument(message: string): string {
  return `to_tsvector('${LOG_TEXT_SEARCH_CONFIG}', ${message})`;
}

/** The row's time to the millisecond, the precision a cursor (a JavaScript Date) keeps. */
function instant(columns: LogColumns): string {
  return `date_trunc('milliseconds', ${columns.at})`;
}

/**
 * WHERE conditions and ORDER BY of a newest-first search of one source, with their parameters
 * appended to `params` (placeholders numbered after what `params` holds already).
 */
export function logSearchClauses(
  columns: LogColumns,
  source: string,
  criteria: LogSearchCriteria,
  params: unknown[],
): { where: string; orderBy: string; limit: string } {
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const at = instant(columns);
  const conditions = [`${columns.projectId} = ${bind(criteria.projectId)}`];
  if (criteria.runId !== undefined) conditions.push(`${columns.runId} = ${bind(criteria.runId)}`);
  if (criteria.taskId !== undefined) conditions.push(`${columns.taskId} = ${bind(criteria.taskId)}`);
  if (criteria.levels !== undefined) conditions.push(`${columns.level} = ANY(${bind(criteria.levels)}::text[])`);
  if (criteria.text !== undefined) {
    const query = `websearch_to_tsquery('${LOG_TEXT_SEARCH_CONFIG}', ${bind(criteria.text)})`;
    conditions.push(`${logDocument(columns.message)} @@ ${query}`);
  }
  if (criteria.from !== undefined) conditions.push(`${columns.at} >= ${bind(criteria.from)}`);
  if (criteria.to !== undefined) conditions.push(`${columns.at} < ${bind(criteria.to)}`);
  const after = criteria.after;
  if (after !== undefined) {
    // At the cursor's instant, sources named before the cursor's were passed already, those after not yet.
    if (source < after.source) conditions.push(`${at} < ${bind(after.at)}`);
    else if (source > after.source) conditions.push(`${at} <= ${bind(after.at)}`);
    else {
      const cursorAt = bind(after.at);
      conditions.push(`(${at} < ${cursorAt} OR (${at} = ${cursorAt} AND ${columns.seq} < ${bind(after.seq)}::bigint))`);
    }
  }
  return {
    where: conditions.join(' AND '),
    orderBy: `${at} DESC, ${columns.seq} DESC`,
    limit: bind(criteria.limit),
  };
}

/** A level read from a column, `info` for anything unknown (lines written before levels existed). */
export function toRunLogLevel(value: string | null): RunLogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}
