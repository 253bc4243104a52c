import { Injectable } from '@nestjs/common';
import {
  AmbientTransaction,
  logSearchClauses,
  toRunLogLevel,
  type LogRecord,
  type LogSearchCriteria,
} from '@libs/platform';
import { BatchPredictionLogSource } from '../../contracts/batch-prediction-log-source.js';

interface LogRow {
  readonly seq: string;
  readonly at: Date;
  readonly level: string;
  readonly message: string;
  readonly batch_prediction_id: string;
}

// A batch prediction has no tasks: a search by task finds none of its lines.
const COLUMNS = {
  at: 'at',
  seq: 'seq',
  level: 'level',
  message: 'message',
  projectId: 'project_id',
  runId: 'batch_prediction_id',
  taskId: 'NULL::text',
};

/** `prediction.batch_prediction_log_lines` for monitoring's log search. */
@Injectable()
export class PostgresBatchPredictionLogSource extends BatchPredictionLogSource {
  readonly source = 'batch-prediction';

  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    const params: unknown[] = [];
    const { where, orderBy, limit } = logSearchClauses(COLUMNS, this.source, criteria, params);
    const rows = await this.scope.manager().query<LogRow[]>(
      `SELECT seq::text AS seq, at, level, message, batch_prediction_id
         FROM prediction.batch_prediction_log_lines WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => ({
      source: this.source,
      seq: row.seq,
      at: row.at,
      level: toRunLogLevel(row.level),
      message: row.message,
      runId: row.batch_prediction_id,
      taskId: null,
      attempt: null,
    }));
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const [, count] = await this.scope
      .manager()
      .query<[unknown, number]>('DELETE FROM prediction.batch_prediction_log_lines WHERE at < $1', [cutoff]);
    return count;
  }
}
