import { WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { DelayedError, type Job } from 'bullmq';
import { ConflictError, DomainError, NotFoundError } from '@libs/ddd';
import { runInJobContext, type JobMetrics } from '@libs/platform';
import { inTaskExecutionSpan, TaskRunGateway, type TaskAssignment, type TaskRunJob } from './task-runs.js';

/** How one look at a contributed task ends: reported to the engine, or looked at again later on the same job. */
export type ContributedTaskOutcome<Wait> =
  | { readonly kind: 'succeeded'; readonly outputs: Readonly<Record<string, unknown>> }
  | { readonly kind: 'failed'; readonly error: string; readonly log?: readonly string[] }
  | { readonly kind: 'waiting'; readonly until: number; readonly wait: Wait; readonly log?: readonly string[] };

/** The job of a contributed task: one attempt, and for a wait already begun, what it waits for. */
export interface ContributedTaskJob<Wait> extends TaskRunJob {
  readonly wait?: Wait;
}

/**
 * The BullMQ processor of the task types a context contributes to the engine (docs/adr/0207): it
 * starts the attempt through the engine's TaskRunGateway, has the context `begin` it, and reports
 * the outcome. A rule of the context that refuses the task fails the attempt with its message, and
 * the run's retry policy decides; any other error fails the job, which BullMQ retries. A wait parks
 * its own job as delayed between `look`s, so it holds no worker and the engine's reconciler still
 * sees a live job. The subclass carries `@Processor(<its queue>)` and its own collaborators.
 */
export abstract class ContributedTaskProcessor<Wait = never> extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(this.constructor.name);
  private engine?: TaskRunGateway;

  /** `executor` names the context's tasks in the error of a process that hosts no engine ('data', 'model'). */
  protected constructor(
    private readonly modules: ModuleRef,
    private readonly metrics: JobMetrics,
    private readonly executor: string,
  ) {
    super();
  }

  /** Begins the attempt the engine assigned: its outcome, or a wait to look at later. */
  protected abstract begin(assignment: TaskAssignment): Promise<ContributedTaskOutcome<Wait>>;

  /** Looks again at what a parked job waits for; a context whose tasks never wait parks none. */
  protected look(wait: Wait): Promise<ContributedTaskOutcome<Wait>> {
    return Promise.reject(
      new Error(`${this.constructor.name} parks no waits, yet a job waits for ${JSON.stringify(wait)}`),
    );
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<ContributedTaskJob<Wait>>, token?: string): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.run(job, token));
  }

  private async run(job: Job<ContributedTaskJob<Wait>>, token: string | undefined): Promise<void> {
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

  private async outcomeOf(
    job: ContributedTaskJob<Wait>,
    gateway: TaskRunGateway,
  ): Promise<ContributedTaskOutcome<Wait> | undefined> {
    const { wait } = job;
    if (wait !== undefined) return settled(() => this.look(wait));
    const assignment = await gateway.start(job);
    if (assignment === undefined) return undefined;
    return settled(() => inTaskExecutionSpan(job, assignment.type, () => this.begin(assignment)));
  }

  /** Found at the first job, not at start: the engine may be hosted by this process or not (ADR 0207). */
  private gateway(): TaskRunGateway {
    try {
      this.engine ??= this.modules.get(TaskRunGateway, { strict: false });
      return this.engine;
    } catch {
      throw new Error(`this process hosts no workflow engine to take ${this.executor} task reports`);
    }
  }
}

/** The user a task's run acts for, whom the task's work is done as. */
export function actorOf({ runId, actorId }: TaskAssignment): string {
  // Runs record who they act for; only runs from before that record have no one, and nobody may act for them.
  if (actorId === undefined) throw new ConflictError(`run ${runId} acts for nobody`, 'run-without-actor');
  return actorId;
}

/** A refusal by the context's rules fails the attempt; an unavailable store or database retries the job instead. */
async function settled<Wait>(work: () => Promise<ContributedTaskOutcome<Wait>>): Promise<ContributedTaskOutcome<Wait>> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
    return { kind: 'failed', error: describe(error) };
  }
}

/** The problem's detail with its field errors, as a person reading the run needs them. */
function describe(error: DomainError): string {
  const fields = (error.errors ?? []).map((problem) => `${problem.field}: ${problem.message}`);
  return [error.message, ...fields].join('; ');
}
