import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { carriedContext, type CarriedContext } from '@libs/platform';
import {
  PIPELINE_RUN_QUEUE,
  PipelineRunQueue,
  type PipelineRunJob,
} from '../../application/ports/pipeline-run-queue.js';

export interface PipelineRunJobData extends PipelineRunJob {
  readonly context?: CarriedContext;
}

/**
 * Tries of a job are for failures of the platform (a worker that crashed, a store that was down):
 * a step the data refuses fails the run at once, and a person retries it through the API.
 */
export const PIPELINE_RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Pipeline runs as BullMQ jobs on the context's queue, one job id per attempt so a retry is a new job. */
@Injectable()
export class BullMqPipelineRunQueue extends PipelineRunQueue {
  constructor(@InjectQueue(PIPELINE_RUN_QUEUE) private readonly queue: Queue<PipelineRunJobData>) {
    super();
  }

  async enqueue(job: PipelineRunJob): Promise<void> {
    const context = carriedContext(PIPELINE_RUN_QUEUE, 'pipeline-run');
    const data: PipelineRunJobData = context === undefined ? { ...job } : { ...job, context };
    await this.queue.add('pipeline-run', data, {
      ...PIPELINE_RUN_JOB_OPTIONS,
      jobId: `${job.runId}-attempt-${job.attempt}`,
    });
  }
}
