import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork, RedisConnections } from '@libs/platform';
import { RequeuePipelineRunsHandler } from '../../application/requeue-pipeline-runs/requeue-pipeline-runs.handler.js';

/** How often workers look for runs left queued without a job, and how long a run may wait before it counts. */
const SWEEP_INTERVAL_MS = 30_000;
const QUEUED_FOR_MS = 60_000;
const BATCH = 100;

/**
 * In worker processes: at start, when Redis is back after an outage (it may have come back
 * empty), and every half minute, puts runs queued for over a minute on the queue again. Several
 * workers may sweep at once: the job id per attempt keeps one job per run.
 */
@Injectable()
export class PipelineRunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PipelineRunSweeper.name);
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`pipeline run sweep failed: ${error.message}`),
  );

  constructor(
    private readonly requeue: RequeuePipelineRunsHandler,
    private readonly redis: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(SWEEP_INTERVAL_MS);
    this.redis.onReconnected(() => void this.work.tick());
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }

  private async round(): Promise<void> {
    const requeued = await this.requeue.execute({ queuedBefore: new Date(Date.now() - QUEUED_FOR_MS), limit: BATCH });
    if (requeued > 0) this.logger.warn(`put ${requeued} queued pipeline run(s) on the queue again`);
  }
}
