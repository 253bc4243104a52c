import { Injectable } from '@nestjs/common';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { BatchPredictionLog } from '../ports/batch-prediction-log.js';
import { Transaction } from '../ports/transaction.js';
import { requireBatchPrediction } from '../services/batch-prediction-lookup.js';
import type { CancelBatchPredictionCommand } from './cancel-batch-prediction.command.js';

/**
 * Cancels a queued or running batch prediction; a finished one is refused (409). A worker running
 * it stops before its next chunk, and no output version is made.
 */
@Injectable()
export class CancelBatchPredictionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly jobs: BatchPredictionRepository,
    private readonly log: BatchPredictionLog,
  ) {}

  execute(command: CancelBatchPredictionCommand): Promise<BatchPrediction> {
    return this.transaction.run(async () => {
      const job = await requireBatchPrediction(this.jobs, command.batchPredictionId, { lock: 'update' });
      job.cancel(new Date());
      await this.jobs.save(job);
      await this.log.append(job, 'warn', 'cancelled');
      return job;
    });
  }
}
