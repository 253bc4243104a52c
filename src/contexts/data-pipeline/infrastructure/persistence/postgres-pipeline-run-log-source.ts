import { Injectable } from '@nestjs/common';
import {
  AmbientTransaction,
  logSearchClauses,
  toRunLogLevel,
  type LogRecord,
  type LogSearchCriteria,
} from '@libs/platform';
import { PipelineRunLogSource } from '../../contracts/pipeline-run-log-source.js';

interface LogRow {
  readonly seq: string;
  readonly at: Date;
  readonly level: string;
  readonly message: string;
  readonly run_id: string;
  readonly step: string | null;
  readonly attempt: number;
}

const COLUMNS = {
  at: 'at',
  seq: 'seq',
  level: 'level',
  message: 'message',
  projectId: 'project_id',
  runId: 'run_id',
  taskId: 'step',
};

/** `data_pipeline.pipeline_run_log_lines` for monitoring's log search. */
@Injectable()
export class PostgresPipelineRunLogSource extends PipelineRunLogSource {
  readonly source = 'pipeline-run';

  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    const params: unknown[] = [];
    const { where, orderBy, limit } = logSearchClauses(COLUMNS, this.source, criteria, params);
    const rows = await this.scope.manager().query<LogRow[]>(
      `SELECT seq::text AS seq, at, level, message, run_id, step, attempt
         FROM data_pipeline.pipeline_run_log_lines WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => ({
      source: this.source,
      seq: row.seq,
      at: row.at,
      level: toRunLogLevel(row.level),
      message: row.message,
      runId: row.run_id,
      taskId: row.step,
      attempt: row.attempt,
    }));
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const [, count] = await this.scope
      .manager()
      .query<[unknown, number]>('DELETE FROM data_pipeline.pipeline_run_log_lines WHERE at < $1', [cutoff]);
    return count;
  }
}
