import { Injectable } from '@nestjs/common';
import type { Page } from '../../application/ports/run-queries.js';
import { TaskLogs, type TaskLogFilter, type TaskLogLine } from '../../application/ports/task-logs.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/** Task log lines in `workflow_engine.task_log_lines`, paged by their sequence number. */
@Injectable()
export class PostgresTaskLogs extends TaskLogs {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async append({ runId, key, attempt }: TaskAttempt, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    // One multi-row VALUES: rows take their seq in the order written, which INSERT ... SELECT does not promise.
    const rows = lines.map((_, index) => `($1, $2, $3, now(), $${index + 4})`).join(', ');
    await this.transaction
      .manager()
      .query(`INSERT INTO workflow_engine.task_log_lines (run_id, task_run_key, attempt, at, line) VALUES ${rows}`, [
        runId,
        key,
        attempt,
        ...lines,
      ]);
  }

  async page({ runId, key, attempt, limit, cursor }: TaskLogFilter): Promise<Page<TaskLogLine>> {
    // The table name qualifies ORDER BY: a bare `seq` would mean the text alias, and "10" sorts before "9".
    const rows = await this.transaction.manager().query<{ seq: string; attempt: number; at: Date; line: string }[]>(
      `SELECT seq::text AS seq, attempt, at, line FROM workflow_engine.task_log_lines
       WHERE run_id = $1 AND task_run_key = $2 AND ($3::integer IS NULL OR attempt = $3)
         AND ($4::bigint IS NULL OR seq > $4)
       ORDER BY task_log_lines.seq LIMIT $5`,
      [runId, key, attempt ?? null, cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }
}
