import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job } from 'bullmq';
import { ConflictError, DomainError, NotFoundError } from '@libs/ddd';
import { JobMetrics, runInJobContext } from '@libs/platform';
import { inTaskExecutionSpan, TaskRunGateway, type TaskAssignment, type TaskRunJob } from '@contexts/workflow-engine';
import type { RegisterVersionTaskParams } from '../../application/register-version-from-task/register-version-from-task.command.js';
import { RegisterVersionFromTaskHandler } from '../../application/register-version-from-task/register-version-from-task.handler.js';
import type { SetAliasTaskParams } from '../../application/set-alias-from-task/set-alias-from-task.command.js';
import { SetAliasFromTaskHandler } from '../../application/set-alias-from-task/set-alias-from-task.handler.js';
import type { TaskInvocation } from '../../application/services/task-invocation.js';
import { MODEL_TASK_QUEUE } from './model-task-types.js';

type Outputs = Readonly<Record<string, unknown>>;

/**
 * Executes the model task types the engine enqueues on `model-registry.tasks`, through the engine's
 * TaskRunGateway. A rule of the registry that refuses the task (a missing artifact, a protected
 * alias) fails the attempt with its message, and the run's retry policy decides; any other error
 * fails the job, which BullMQ retries and the engine then hands to a new attempt.
 */
@Processor(MODEL_TASK_QUEUE)
export class ModelTaskProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelTaskProcessor.name);
  private engine?: TaskRunGateway;

  constructor(
    private readonly modules: ModuleRef,
    private readonly registering: RegisterVersionFromTaskHandler,
    private readonly aliasing: SetAliasFromTaskHandler,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.metrics.observe(this.worker);
  }

  process(job: Job<TaskRunJob>): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.run(job));
  }

  private async run(job: Job<TaskRunJob>): Promise<void> {
    const gateway = this.gateway();
    try {
      const assignment = await gateway.start(job.data);
      if (assignment === undefined) return;
      const outcome = await inTaskExecutionSpan(job.data, assignment.type, () => this.execute(assignment)).then(
        (outputs) => ({ ok: true as const, outputs }),
        (error: unknown) => {
          // An unavailable store or database is not the task's fault: the job is retried instead.
          if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
          return { ok: false as const, error: describe(error) };
        },
      );
      if (outcome.ok) await gateway.complete(job.data, outcome.outputs);
      else await gateway.fail(job.data, outcome.error);
    } catch (error) {
      // The engine refused a superseded attempt's report: another attempt has the task.
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      this.logger.debug(`dropped stale job ${job.id}: ${error.message}`);
    }
  }

  private async execute(assignment: TaskAssignment): Promise<Outputs> {
    const invocation = invocationOf(assignment);
    if (assignment.type === 'model.register-version') {
      const params = assignment.params as RegisterVersionTaskParams;
      return { ...(await this.registering.execute({ invocation, params })) };
    }
    if (assignment.type === 'model.set-alias') {
      return { ...(await this.aliasing.execute({ invocation, params: assignment.params as SetAliasTaskParams })) };
    }
    throw new NotFoundError('model task type', assignment.type);
  }

  /** Found at the first job, not at start: the engine may be hosted by this process or not (ADR 0207). */
  private gateway(): TaskRunGateway {
    try {
      this.engine ??= this.modules.get(TaskRunGateway, { strict: false });
      return this.engine;
    } catch {
      throw new Error('this process hosts no workflow engine to take model task reports');
    }
  }
}

function invocationOf({ projectId, runId, taskId, workflowId, actorId }: TaskAssignment): TaskInvocation {
  // Runs record who they act for; only runs from before that record have no one, and nobody may register for them.
  if (actorId === undefined) throw new ConflictError(`run ${runId} acts for nobody`, 'run-without-actor');
  return { projectId, runId, taskId, workflowId, actorId };
}

/** The problem's detail with its field errors, as a person reading the run needs them. */
function describe(error: DomainError): string {
  const fields = (error.errors ?? []).map((problem) => `${problem.field}: ${problem.message}`);
  return [error.message, ...fields].join('; ');
}
