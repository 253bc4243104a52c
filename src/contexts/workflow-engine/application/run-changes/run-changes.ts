import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { Clock } from '../ports/clock.js';
import { RunTransaction } from '../ports/run-transaction.js';
import { TaskQueue } from '../ports/task-queue.js';

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
  constructor(
    private readonly transaction: RunTransaction,
    private readonly runs: WorkflowRunRepository,
    private readonly queue: TaskQueue,
    private readonly clock: Clock,
  ) {}

  async apply<T>(
    runId: string,
    change: (run: WorkflowRun, now: Date) => Promise<RunChange<T>> | RunChange<T>,
  ): Promise<T> {
    const done = await this.transaction.lockingRun(runId, async () => {
      const run = await this.runs.findById(runId);
      if (run === undefined) throw new NotFoundError('workflow run', runId);
      const result = await change(run, this.clock.now());
      if (!result.unchanged) await this.runs.save(run);
      return result;
    });
    await this.queue.enqueue(done.dispatches);
    return done.value;
  }

  /** Saves a run made outside the store (a new run, a rerun) with what starting it dispatched. */
  async create(run: WorkflowRun, dispatches: readonly TaskDispatch[], idempotencyKey?: string): Promise<void> {
    await this.transaction.run(() => this.runs.save(run, idempotencyKey));
    await this.queue.enqueue(dispatches);
  }
}
