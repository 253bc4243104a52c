import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Job, Worker } from 'bullmq';
import type { Histogram } from 'prom-client';

export const JOB_DURATION_METRIC = 'bullmq_job_duration_seconds';
export const JOB_WAIT_METRIC = 'bullmq_job_wait_seconds';

/**
 * Job timings per queue (ARCHITECTURE section 8), from the workers' own events: how long a job ran,
 * by outcome, and how long it waited for a worker once due. A growing wait is a queue outrunning its
 * workers; the queue depth gauge says how many wait.
 */
@Injectable()
export class JobMetrics {
  constructor(
    @InjectMetric(JOB_DURATION_METRIC) private readonly duration: Histogram<string>,
    @InjectMetric(JOB_WAIT_METRIC) private readonly wait: Histogram<string>,
  ) {}

  observe(worker: Worker): void {
    const queue = worker.name;
    worker.on('active', (job: Job) => {
      // A delayed job (a retry's backoff) is due at its timestamp plus its delay, not before.
      const due = job.timestamp + (job.opts.delay ?? 0);
      if (job.processedOn !== undefined) this.wait.observe({ queue }, Math.max(0, job.processedOn - due) / 1000);
    });
    const ended = (outcome: 'completed' | 'failed') => (job: Job | undefined) => {
      if (job?.processedOn === undefined || job.finishedOn === undefined) return;
      this.duration.observe({ queue, outcome }, (job.finishedOn - job.processedOn) / 1000);
    };
    worker.on('completed', ended('completed'));
    worker.on('failed', ended('failed'));
  }
}
