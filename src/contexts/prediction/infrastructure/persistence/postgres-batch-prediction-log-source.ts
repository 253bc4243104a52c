import { Injectable } from '@nestjs/common';
import { AmbientTransaction, RunLogTable, type LogRecord, type LogSearchCriteria } from '@libs/platform';
import { BatchPredictionLogSource } from '../../contracts/batch-prediction-log-source.js';

/** `prediction.batch_prediction_log_lines` for monitoring's log search. */
@Injectable()
export class PostgresBatchPredictionLogSource extends BatchPredictionLogSource {
  readonly source = 'batch-prediction';
  private readonly table: RunLogTable;

  constructor(scope: AmbientTransaction) {
    super();
    this.table = new RunLogTable(scope, this.source, {
      table: 'prediction.batch_prediction_log_lines',
      from: 'prediction.batch_prediction_log_lines',
      // A batch prediction has no tasks or attempts: a search by task finds none of its lines.
      columns: {
        at: 'at',
        seq: 'seq',
        level: 'level',
        message: 'message',
        projectId: 'project_id',
        runId: 'batch_prediction_id',
        taskId: 'NULL::text',
        attempt: 'NULL::int',
      },
    });
  }

  search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    return this.table.search(criteria);
  }

  pruneBefore(cutoff: Date): Promise<number> {
    return this.table.pruneBefore(cutoff);
  }
}
