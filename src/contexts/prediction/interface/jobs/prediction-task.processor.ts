import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DelayedError, type Job } from 'bullmq';
import { ConflictError, DomainError, NotFoundError } from '@libs/ddd';
import { JobMetrics, runInJobContext } from '@libs/platform';
import { inTaskExecutionSpan, TaskRunGateway, type TaskAssignment } from '@contexts/workflow-engine';
import { BatchTask, type BatchTaskOutcome, type PredictionTaskJob } from './batch-task.js';
import { PREDICTION_TASK_QUEUE } from './prediction-task-types.js';

/**
 * Executes the prediction task types the engine enqueues on `prediction.tasks`, through the
 * engine's TaskRunGateway (docs/adr/0207). A rule of this context that refuses the task fails the
 * attempt with its message; any other error fails the job, which BullMQ retries. A batch wait
 * parks its own job as delayed between looks, so it holds no worker and the engine's reconciler
 * still sees a live job.
 */
@Processor(PREDICTION_TASK_QUEUE)
export class PredictionTaskProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PredictionTaskProcessor.name);
  private engine?: TaskRunGateway;

  constructor(
    private readonly modules: ModuleRef,
    private readonly batches: BatchTask,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<PredictionTaskJob>, token?: string): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.run(job, token));
  }

  private async run(job: Job<PredictionTaskJob>, token: string | undefined): Promise<void> {
    const gateway = this.gateway();
    try {
      const outcome = await this.outcomeOf(job.data, gateway);
      if (outcome === undefined) return;
      if (outcome.kind === 'succeeded') await gateway.complete(job.data, outcome.outputs);
      else if (outcome.kind === 'failed') await gateway.fail(job.data, outcome.error);
      else {
        // The attempt stays running while its job waits; the next look reads the wait from the job, not `start`.
        await job.updateData({ ...job.data, wait: outcome.wait });
        await job.moveToDelayed(outcome.until, token);
        throw new DelayedError();
      }
    } catch (error) {
      // The engine refused a superseded attempt's report: another attempt has the task, or the run ended.
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      this.logger.debug(`dropped stale job ${job.id}: ${error.message}`);
    }
  }

  private async outcomeOf(job: PredictionTaskJob, gateway: TaskRunGateway): Promise<BatchTaskOutcome | undefined> {
    if (job.wait) return settled(this.batches.look(job.wait));
    const assignment = await gateway.start(job);
    if (assignment === undefined) return undefined;
    return settled(inTaskExecutionSpan(job, assignment.type, () => this.execute(assignment)));
  }

  private execute(assignment: TaskAssignment): Promise<BatchTaskOutcome> {
    if (assignment.type !== 'prediction.batch') throw new NotFoundError('prediction task type', assignment.type);
    // Runs record who acts for them; only runs from before that record have no one.
    if (assignment.actorId === undefined)
      throw new ConflictError(`run ${assignment.runId} acts for nobody`, 'run-without-actor');
    return this.batches.begin(assignment, assignment.actorId);
  }

  /** Found at the first job, not at start: the engine may be hosted by this process or not (ADR 0207). */
  private gateway(): TaskRunGateway {
    try {
      this.engine ??= this.modules.get(TaskRunGateway, { strict: false });
      return this.engine;
    } catch {
      throw new Error('this process hosts no workflow engine to take prediction task reports');
    }
  }
}

/** A refusal by this context's rules fails the attempt; an unavailable store or database retries the job instead. */
function settled(work: Promise<BatchTaskOutcome>): Promise<BatchTaskOutcome> {
  return work.catch((error: unknown) => {
    if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
    const fields = (error.errors ?? []).map((problem) => `${problem.field}: ${problem.message}`);
    return { kind: 'failed', error: [error.message, ...fields].join('; ') };
  });
}
