import { Injectable } from '@nestjs/common';
import { logSearchClauses, toRunLogLevel, type LogRecord, type LogSearchCriteria } from '@libs/platform';
import { TaskLogSource } from '../../contracts/task-log-source.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

interface LogRow {
  readonly seq: string;
  readonly at: Date;
  readonly level: string;
  readonly line: string;
  readonly run_id: string;
  readonly task_run_key: string;
  readonly attempt: number;
}

const COLUMNS = {
  at: 'l.at',
  seq: 'l.seq',
  level: 'l.level',
  message: 'l.line',
  projectId: 'r.project_id',
  runId: 'l.run_id',
  taskId: 'l.task_run_key',
};

/** `workflow_engine.task_log_lines` searched by project through the run that wrote them. */
@Injectable()
export class PostgresTaskLogSource extends TaskLogSource {
  readonly source = 'task-run';

  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    const params: unknown[] = [];
    const { where, orderBy, limit } = logSearchClauses(COLUMNS, this.source, criteria, params);
    const rows = await this.transaction.manager().query<LogRow[]>(
      `SELECT l.seq::text AS seq, l.at, l.level, l.line, l.run_id, l.task_run_key, l.attempt
         FROM workflow_engine.task_log_lines l JOIN workflow_engine.runs r ON r.id = l.run_id
        WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => ({
      source: this.source,
      seq: row.seq,
      at: row.at,
      level: toRunLogLevel(row.level),
      message: row.line,
      runId: row.run_id,
      taskId: row.task_run_key,
      attempt: row.attempt,
    }));
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const [, count] = await this.transaction
      .manager()
      .query<[unknown, number]>('DELETE FROM workflow_engine.task_log_lines WHERE at < $1', [cutoff]);
    return count;
  }
}
