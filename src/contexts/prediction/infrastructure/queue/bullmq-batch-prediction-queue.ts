import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { carriedContext, type CarriedContext } from '@libs/platform';
import { BATCH_PREDICTION_QUEUE, BatchPredictionQueue } from '../../application/ports/batch-prediction-queue.js';

export interface BatchPredictionJobData {
  readonly batchPredictionId: string;
  readonly context?: CarriedContext;
}

/**
 * Tries are for failures of the platform (a worker killed, a store down): the job resumes from its
 * record each time. What the data or the model refuses fails the job at once.
 */
export const BATCH_PREDICTION_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Batch predictions as BullMQ jobs on the context's queue; the job id is the batch prediction's, so it is queued once. */
@Injectable()
export class BullMqBatchPredictionQueue extends BatchPredictionQueue {
  constructor(@InjectQueue(BATCH_PREDICTION_QUEUE) private readonly queue: Queue<BatchPredictionJobData>) {
    super();
  }

  async enqueue(batchPredictionId: string): Promise<void> {
    const context = carriedContext(BATCH_PREDICTION_QUEUE, 'batch-prediction');
    await this.queue.add(
      'batch-prediction',
      context === undefined ? { batchPredictionId } : { batchPredictionId, context },
      { ...BATCH_PREDICTION_JOB_OPTIONS, jobId: batchPredictionId },
    );
  }
}
