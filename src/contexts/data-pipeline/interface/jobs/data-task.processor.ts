import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DelayedError, type Job } from 'bullmq';
import { ConflictError, DomainError, NotFoundError } from '@libs/ddd';
import { JobMetrics, runInJobContext } from '@libs/platform';
import { inTaskExecutionSpan, TaskRunGateway, type TaskAssignment } from '@contexts/workflow-engine';
import { AwaitFreshnessTask } from './await-freshness-task.js';
import type { DataTaskJob, DataTaskOutcome } from './data-task-outcome.js';
import { DATA_TASK_QUEUE } from './data-task-types.js';
import { RunPipelineTask } from './run-pipeline-task.js';
import { ValidateTask } from './validate-task.js';

/**
 * Executes the data task types the engine enqueues on `data-pipeline.tasks`, through the engine's
 * TaskRunGateway (docs/adr/0207). A rule of this context that refuses the task (an unknown version,
 * a bad suite, a blocking check) fails the attempt with its message, and the run's retry policy
 * decides; any other error fails the job, which BullMQ retries. A freshness wait parks its own job
 * as delayed between looks, so it holds no worker and the engine's reconciler still sees a live job.
 */
@Processor(DATA_TASK_QUEUE)
export class DataTaskProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DataTaskProcessor.name);
  private engine?: TaskRunGateway;

  constructor(
    private readonly modules: ModuleRef,
    private readonly validating: ValidateTask,
    private readonly awaiting: AwaitFreshnessTask,
    private readonly pipelines: RunPipelineTask,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<DataTaskJob>, token?: string): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.run(job, token));
  }

  private async run(job: Job<DataTaskJob>, token: string | undefined): Promise<void> {
    const gateway = this.gateway();
    try {
      const outcome = await this.outcomeOf(job.data, gateway);
      if (outcome === undefined) return;
      if (outcome.kind !== 'succeeded' && outcome.log) await gateway.log(job.data, outcome.log);
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

  private async outcomeOf(job: DataTaskJob, gateway: TaskRunGateway): Promise<DataTaskOutcome | undefined> {
    if (job.wait?.kind === 'freshness') return settled(this.awaiting.look(job.wait, new Date()));
    if (job.wait?.kind === 'pipeline-run') return settled(this.pipelines.look(job.wait));
    const assignment = await gateway.start(job);
    if (assignment === undefined) return undefined;
    return settled(inTaskExecutionSpan(job, assignment.type, () => this.execute(assignment)));
  }

  private async execute(assignment: TaskAssignment): Promise<DataTaskOutcome> {
    if (assignment.type === 'data.validate') return this.validating.run(assignment, actorOf(assignment));
    if (assignment.type === 'data.await-freshness') return this.awaiting.begin(assignment, new Date());
    if (assignment.type === 'data.run-pipeline') return this.pipelines.begin(assignment, actorOf(assignment));
    throw new NotFoundError('data task type', assignment.type);
  }

  /** Found at the first job, not at start: the engine may be hosted by this process or not (ADR 0207). */
  private gateway(): TaskRunGateway {
    try {
      this.engine ??= this.modules.get(TaskRunGateway, { strict: false });
      return this.engine;
    } catch {
      throw new Error('this process hosts no workflow engine to take data task reports');
    }
  }
}

/** A refusal by this context's rules fails the attempt; an unavailable store or database retries the job instead. */
function settled(work: Promise<DataTaskOutcome>): Promise<DataTaskOutcome> {
  return work.catch((error: unknown) => {
    if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
    return { kind: 'failed', error: describe(error) };
  });
}

function actorOf({ runId, actorId }: TaskAssignment): string {
  // Check runs record who ran them; only runs from before runs recorded their actor have no one.
  if (actorId === undefined) throw new ConflictError(`run ${runId} acts for nobody`, 'run-without-actor');
  return actorId;
}

/** The problem's detail with its field errors, as a person reading the run needs them. */
function describe(error: DomainError): string {
  const fields = (error.errors ?? []).map((problem) => `${problem.field}: ${problem.message}`);
  return [error.message, ...fields].join('; ');
}
