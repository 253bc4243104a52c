import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobMetrics, runInJobContext, type CarriedContext } from '@libs/platform';
import { ExecutePipelineRunHandler } from '../../application/execute-pipeline-run/execute-pipeline-run.handler.js';
import { PIPELINE_RUN_QUEUE, type PipelineRunJob } from '../../application/ports/pipeline-run-queue.js';

/** The job as the queue adapter adds it: the attempt, and the trace of the request that queued it. */
type PipelineRunJobData = PipelineRunJob & { readonly context?: CarriedContext };

/**
 * Works the context's pipeline-run queue in worker processes. A job that throws (the platform
 * failed mid-run) is tried again by BullMQ, and the run resumes from its record; on the last try
 * the handler fails the run rather than leave it running.
 */
@Processor(PIPELINE_RUN_QUEUE)
export class PipelineRunProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly executing: ExecutePipelineRunHandler,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<PipelineRunJobData>): Promise<void> {
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return runInJobContext(job, job.data.context, () =>
      this.executing.execute({ runId: job.data.runId, attempt: job.data.attempt, lastTry }),
    );
  }
}
