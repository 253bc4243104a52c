import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ConflictError, DomainError, NotFoundError } from '@libs/ddd';
import { JobMetrics, runInJobContext } from '@libs/platform';
import { StartChildRunHandler } from '../../application/start-child-run/start-child-run.handler.js';
import { TaskRunGateway, type TaskRunJob } from '../../contracts/task-runs.js';
import { CHILD_RUN_QUEUE } from '../../application/ports/task-job-queues.js';

/**
 * Starts the child runs of `workflow` tasks. The job ends once the child has started: the task
 * waits without holding a worker (a parent holding one while its children wait for one could
 * starve them all), and the child's end reports back through the bus (child-run.handlers.ts).
 */
@Processor(CHILD_RUN_QUEUE)
export class ChildRunProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChildRunProcessor.name);

  constructor(
    private readonly gateway: TaskRunGateway,
    private readonly startChild: StartChildRunHandler,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<TaskRunJob>): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.startChildOf(job));
  }

  private async startChildOf(job: Job<TaskRunJob>): Promise<void> {
    try {
      const assignment = await this.gateway.start(job.data);
      if (assignment === undefined) return;
      const started = await this.startChild.execute({ parent: assignment }).then(
        (childRunId) => ({ ok: true as const, childRunId }),
        (error: unknown) => {
          // An unreachable database is not the task's fault: the job is retried instead.
          if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
          return { ok: false as const, error: error.message };
        },
      );
      if (started.ok) await this.gateway.log(job.data, [`started child run ${started.childRunId}`]);
      else await this.gateway.fail(job.data, started.error);
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      this.logger.debug(`dropped stale job ${job.id}: ${error.message}`);
    }
  }
}
