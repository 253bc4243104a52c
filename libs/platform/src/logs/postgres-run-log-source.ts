import type { EntityManager } from 'typeorm';
import { logSearchClauses, toRunLogLevel, type LogColumns } from './log-search.sql.js';
import { LogSource, type LogRecord, type LogSearchCriteria } from './log-source.js';

/** Where one context keeps its run log lines: the only part of a log source that differs between contexts. */
export interface RunLogTableDescription {
  /** The lines' table, e.g. `prediction.batch_prediction_log_lines`; pruned by its `at` column. */
  readonly table: string;
  /** What a search reads from: the table, or the table joined to what names the lines' project. */
  readonly from: string;
  /** SQL expressions over `from`; `NULL::text` / `NULL::int` for what the context's lines do not have. */
  readonly columns: LogColumns & { readonly attempt: string };
}

interface LogRow {
  readonly seq_text: string;
  readonly at: Date;
  readonly level: string;
  readonly message: string;
  readonly run_id: string;
  readonly task_id: string | null;
  readonly attempt: number | null;
}

/**
 * A context's log source over the table its description names: every context's run logs are searched
 * and pruned alike, so a context provides its `LogSource` contract as one of these.
 */
export class PostgresRunLogSource extends LogSource {
  constructor(
    private readonly scope: { manager(): EntityManager },
    readonly source: string,
    private readonly description: RunLogTableDescription,
  ) {
    super();
  }

  async search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    const { from, columns } = this.description;
    const params: unknown[] = [];
    const { where, orderBy, limit } = logSearchClauses(columns, this.source, criteria, params);
    // `seq_text`, not `seq`: ORDER BY reads a bare output name first, and would then order the text.
    const rows = await this.scope.manager().query<LogRow[]>(
      `SELECT ${columns.seq}::text AS seq_text, ${columns.at} AS at, ${columns.level} AS level, ${columns.message} AS message,
              ${columns.runId} AS run_id, ${columns.taskId} AS task_id, ${columns.attempt} AS attempt
         FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => ({
      source: this.source,
      seq: row.seq_text,
      at: row.at,
      level: toRunLogLevel(row.level),
      message: row.message,
      runId: row.run_id,
      taskId: row.task_id,
      attempt: row.attempt,
    }));
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const [, count] = await this.scope
      .manager()
      .query<[unknown, number]>(`DELETE FROM ${this.description.table} WHERE at < $1`, [cutoff]);
    return count;
  }
}
