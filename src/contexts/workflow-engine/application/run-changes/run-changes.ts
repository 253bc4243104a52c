import { NotFoundError } from '@libs/ddd';
import { crashPoint } from '@libs/platform';
import { Injectable, Logger } from '@nestjs/common';
import { isFinished } from '../../domain/run/run-state.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { Clock } from '../ports/clock.js';
import { RunTransaction } from '../ports/run-transaction.js';
import { TaskQueue } from '../ports/task-queue.js';
import { RunAdmission } from '../run-admission/run-admission.js';

/** What a command did to a run: the task runs to hand to executors, and what the caller gets back. */
export interface RunChange<T> {
  readonly dispatches: readonly TaskDispatch[];
  readonly value: T;
  /** Set when the command found nothing to change (a stale report): no write, no version bump. */
  readonly unchanged?: boolean;
}

/**
 * The orchestrator's one way to change a run: load it under its lock, apply a domain command, save
 * the snapshot and its events in that transaction, then enqueue what the command dispatched, right
 * after the commit. A change that rolls back enqueues nothing; a crash between commit and enqueue
 * leaves queued task runs without a job, which the reconciler finds.
 */
@Injectable()
export class RunChanges {
  private readonly logger = new Logger(RunChanges.name);

  constructor(
    private readonly transaction: RunTransaction,
    private readonly runs: WorkflowRunRepository,
    private readonly queue: TaskQueue,
    private readonly clock: Clock,
    private readonly admission: RunAdmission,
  ) {}

  async apply<T>(
    runId: string,
    change: (run: WorkflowRun, now: Date) => Promise<RunChange<T>> | RunChange<T>,
  ): Promise<T> {
    const done = await this.transaction.lockingRun(runId, async () => {
      const run = await this.runs.findById(runId);
      if (run === undefined) throw new NotFoundError('workflow run', runId);
      const wasActive = !isFinished(run.state);
      const result = await change(run, this.clock.now());
      if (!result.unchanged) await this.runs.save(run);
      const freedSlot = wasActive && isFinished(run.state) ? run.pinned.workflowId : undefined;
      return { ...result, freedSlot };
    });
    // Reliability tests kill the process here: committed, with what it dispatched not yet enqueued.
    if (!done.unchanged && done.dispatches.length > 0) crashPoint('workflow.run-change.before-enqueue');
    await this.queue.enqueue(done.dispatches);
    if (done.freedSlot !== undefined) await this.startQueued(done.freedSlot);
    return done.value;
  }

  /**
   * A run ended, so its slot is free: the next queued run of its workflow starts, in a transaction
   * of its own (lock order is workflow then run, never the reverse). Failing here leaves the change
   * done; the reconciler starts the queued run later.
   */
  private async startQueued(workflowId: string): Promise<void> {
    try {
      await this.admission.startQueued(workflowId);
    } catch (error) {
      this.logger.error(`starting the queued runs of workflow ${workflowId} failed: ${(error as Error).message}`);
    }
  }

  /** Saves a run made outside the store (a new run, a rerun) with what starting it dispatched. */
  async create(run: WorkflowRun, dispatches: readonly TaskDispatch[], idempotencyKey?: string): Promise<void> {
    await this.transaction.run(() => this.runs.save(run, idempotencyKey));
    crashPoint('workflow.run-created.before-enqueue');
    await this.queue.enqueue(dispatches);
  }
}
