import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ConflictError, NotFoundError } from '@libs/ddd';
import { crashPoint, JobMetrics, runInJobContext, SpanStatusCode } from '@libs/platform';
import { inTaskExecutionSpan } from '../../contracts/task-runs.js';
import { CompleteTaskHandler } from '../../application/complete-task/complete-task.handler.js';
import { FailTaskHandler } from '../../application/fail-task/fail-task.handler.js';
import { TaskLogs } from '../../application/ports/task-logs.js';
import { RunCancellationSignals } from '../../application/ports/run-cancellation-signals.js';
import { TaskExecution } from '../../application/ports/task-execution.js';
import { TASK_QUEUE, type TaskJobData } from '../../application/ports/task-job-queues.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { WorkerSettings } from '../../application/ports/worker-settings.js';
import type { Delivery } from '../../application/start-task/start-task.command.js';
import { StartTaskHandler } from '../../application/start-task/start-task.handler.js';
import { UnrecordedStart } from './unrecorded-start.js';

/**
 * How long an attempt of a first delivery may execute before its start is recorded on its own: a
 * shorter one records it with its outcome, in one write (docs/adr/0203).
 */
const RECORD_START_AFTER_MS = 200;

/**
 * A job BullMQ started before (its worker stalled or died, or its processor failed) may still be
 * executing elsewhere; only a first delivery may leave the start to be recorded with the outcome.
 */
function deliveryOf(job: Job<TaskJobData>): Delivery {
  return job.attemptsStarted > 1 || job.stalledCounter > 0 ? 'again' : 'first';
}

/**
 * Executes the jobs of `workflow-engine.tasks`: runs the attempt and reports its outcome with the
 * attempt number as fencing token; the start is recorded with the outcome, or on its own when the
 * attempt runs long or its job was delivered before (then the task moves to a new attempt). A refused report (the attempt was superseded,
 * the run was cancelled) is the expected end of a stale job, not an error. Other errors fail the
 * job, which BullMQ retries; a retried job finds its attempt running and moves the task to a new one.
 */
@Processor(TASK_QUEUE)
export class TaskRunProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TaskRunProcessor.name);
  private readonly stopping = new AbortController();

  constructor(
    private readonly start: StartTaskHandler,
    private readonly complete: CompleteTaskHandler,
    private readonly fail: FailTaskHandler,
    private readonly executors: TaskExecution,
    private readonly logs: TaskLogs,
    private readonly cancellations: RunCancellationSignals,
    private readonly config: WorkerSettings,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.taskConcurrency;
    this.metrics.observe(this.worker);
  }

  beforeApplicationShutdown(): void {
    // Running attempts end now instead of holding the shutdown; their jobs are retried elsewhere.
    this.stopping.abort();
  }

  process(job: Job<TaskJobData>): Promise<void> {
    return runInJobContext(job, job.data.context, () => this.execute(job));
  }

  private async execute(job: Job<TaskJobData>): Promise<void> {
    // A job taken while closing goes back to the queue as it is, rather than starting an attempt that would be cut short.
    if (this.stopping.signal.aborted) throw new Error('this worker is shutting down');
    const attempt = { runId: job.data.runId, key: job.data.key, attempt: job.data.attempt };
    // Reliability tests kill the process here: it holds the job and has not started the attempt.
    crashPoint('workflow.task.before-start');
    try {
      // The start and outcome lines go to the task log in the same transactions as the changes.
      const execution = await this.start.execute({ attempt, logged: true, delivery: deliveryOf(job) });
      if (execution === undefined) return;
      const unrecorded =
        execution.startedAt === undefined
          ? undefined
          : new UnrecordedStart(
              execution.startedAt,
              async () => (await this.start.execute({ attempt, logged: true })) !== undefined,
              RECORD_START_AFTER_MS,
            );
      const outcome = await this.cancellations.whileRunning(attempt.runId, async (cancelled) => {
        try {
          const signal = AbortSignal.any([this.stopping.signal, cancelled]);
          return await inTaskExecutionSpan(attempt, execution.dispatch.type, async (span) => {
            const result = await this.executors.run(execution.dispatch, signal);
            // A failed attempt is an outcome, not an exception: its span says so itself.
            if (!result.ok) span?.setStatus({ code: SpanStatusCode.ERROR, message: result.error });
            return result;
          });
        } catch (error) {
          // Cancelled mid-attempt: the run has ended, and nobody would take this attempt's report.
          if (!cancelled.aborted) throw error;
          await this.log(attempt, 'stopped: the run was cancelled');
          return undefined;
        } finally {
          // A start still unrecorded now waits for the outcome, if there is one to report.
          unrecorded?.executionEnded();
        }
      });
      if (outcome === undefined) return;
      const startedAt = await unrecorded?.forOutcome();
      const report = { attempt, logged: true, ...(startedAt && { startedAt }) };
      // Reliability tests kill the process here: the task's effect happened and nobody knows yet.
      crashPoint('workflow.task.before-report');
      if (outcome.ok) await this.complete.execute({ ...report, outputs: outcome.outputs });
      else await this.fail.execute({ ...report, error: outcome.error, retryable: outcome.retryable });
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      this.logger.debug(`dropped stale job ${job.id}: ${error.message}`);
      // A refused report (a superseded attempt, an ended run) is told in that attempt's own log.
      if (error instanceof ConflictError) await this.log(attempt, `report refused: ${error.message}`);
    }
  }

  /** Log lines are for people reading the run; losing one must not fail or repeat the attempt. */
  private async log(attempt: TaskAttempt, line: string): Promise<void> {
    try {
      await this.logs.append(attempt, [line]);
    } catch (error) {
      this.logger.warn(`could not write the log of ${attempt.runId}:${attempt.key}: ${(error as Error).message}`);
    }
  }
}
