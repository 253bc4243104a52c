import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobMetrics, runInJobContext, type CarriedContext } from '@libs/platform';
import { BATCH_PREDICTION_QUEUE } from '../../application/ports/batch-prediction-queue.js';
import { RunBatchPredictionHandler } from '../../application/run-batch-prediction/run-batch-prediction.handler.js';

type BatchPredictionJobData = { readonly batchPredictionId: string; readonly context?: CarriedContext };

/**
 * Works the context's batch-prediction queue in worker processes. A worker killed mid-job loses
 * its lock; BullMQ hands the stalled job to the next worker, which resumes from the job's record.
 */
@Processor(BATCH_PREDICTION_QUEUE)
export class BatchPredictionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly running: RunBatchPredictionHandler,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<BatchPredictionJobData>): Promise<void> {
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return runInJobContext(job, job.data.context, () =>
      this.running.execute({ batchPredictionId: job.data.batchPredictionId, lastTry }),
    );
  }
}
