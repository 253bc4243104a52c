import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { BatchPredictionLog } from '../../application/ports/batch-prediction-log.js';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';

/** Lines of `prediction.batch_prediction_log_lines`, in the caller's transaction. */
@Injectable()
export class PostgresBatchPredictionLog extends BatchPredictionLog {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async append(job: BatchPrediction, level: 'info' | 'warn' | 'error', message: string): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO prediction.batch_prediction_log_lines (batch_prediction_id, project_id, level, at, message)
       VALUES ($1, $2, $3, now(), $4)`,
      [job.id, job.projectId, level, message],
    );
  }
}
