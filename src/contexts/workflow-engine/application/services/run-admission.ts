import { crashPoint } from '@libs/platform/ports';
import { Injectable } from '@nestjs/common';
import { ConcurrencyPolicy } from '../../domain/definition/concurrency-policy.js';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { ConcurrencyLimitReached } from '../../domain/errors.js';
import { isFinished } from '../../domain/run/run-state.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { WorkflowRunRepository, type ActiveRun } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { Clock } from '../ports/clock.js';
import { RunTransaction } from '../ports/run-transaction.js';
import { TaskQueue } from '../ports/task-queue.js';

/**
 * The one way a new run (a start, a rerun) is stored: the workflow's concurrency policy (its latest
 * version's `concurrency`) decides whether it starts, and what starting it dispatched is enqueued
 * after the commit. A limited policy counts the active runs under the workflow's lock, in the
 * transaction that acts on the count, so concurrent starts in any number of processes cannot both
 * take the last slot; an unlimited one needs no lock. Runs waiting for a slot start here too.
 */
@Injectable()
export class RunAdmission {
  constructor(
    private readonly transaction: RunTransaction,
    private readonly runs: WorkflowRunRepository,
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly queue: TaskQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * Saves the new queued `run` and, by the policy: starts it, leaves it queued for a slot, refuses
   * it (ConcurrencyLimitReached, nothing saved), or cancels the oldest active runs to make room.
   */
  async admit(run: WorkflowRun, idempotencyKey?: string): Promise<void> {
    const policy = await this.policyOf(run.pinned.workflowId);
    const dispatches = policy.isUnlimited
      ? await this.transaction.run(() => this.startAndSave(run, idempotencyKey, this.clock.now()))
      : await this.transaction.lockingWorkflow(run.pinned.workflowId, () =>
          this.admitUnderLock(run, policy, idempotencyKey),
        );
    // Reliability tests kill the process here: the run is stored, its first tasks not yet enqueued.
    crashPoint('workflow.run-created.before-enqueue');
    await this.queue.enqueue(dispatches);
  }

  /** Starts the oldest queued runs of a workflow that fit in its free slots; answers how many. */
  async startQueued(workflowId: string): Promise<number> {
    const policy = await this.policyOf(workflowId);
    const dispatches: TaskDispatch[] = [];
    const started = await this.transaction.lockingWorkflow(workflowId, async () => {
      const active = await this.runs.findActive(workflowId);
      const holding = active.filter((candidate) => candidate.state !== 'queued').length;
      const next = active.filter((candidate) => candidate.state === 'queued').slice(0, policy.limit - holding);
      for (const { id } of next) {
        const run = await this.runs.findForUpdate(id);
        if (run?.state !== 'queued') continue;
        dispatches.push(...run.start(this.clock.now()));
        await this.runs.save(run);
      }
      return next.length;
    });
    await this.queue.enqueue(dispatches);
    return started;
  }

  /** After a crash between a run's end and the start of the next: every workflow's free slots are filled. */
  async startQueuedEverywhere(): Promise<number> {
    let started = 0;
    for (const workflowId of await this.runs.workflowsWithQueuedRuns()) started += await this.startQueued(workflowId);
    return started;
  }

  private async policyOf(workflowId: string): Promise<ConcurrencyPolicy> {
    const definition = await this.definitions.findById(workflowId);
    return definition?.latest.spec.concurrency ?? ConcurrencyPolicy.UNLIMITED;
  }

  private async admitUnderLock(
    run: WorkflowRun,
    policy: ConcurrencyPolicy,
    idempotencyKey: string | undefined,
  ): Promise<readonly TaskDispatch[]> {
    const workflowId = run.pinned.workflowId;
    const active = await this.runs.findActive(workflowId);
    const now = this.clock.now();
    const admission = policy.admit(active.length);
    if (admission === 'skip') throw new ConcurrencyLimitReached(workflowId, policy.limit);
    if (admission === 'queue') {
      await this.runs.save(run, { idempotencyKey });
      return [];
    }
    if (admission === 'cancel-running') {
      const oldest = active.slice(0, active.length - policy.limit + 1);
      await this.cancel(oldest, `cancelled to make room for run ${run.id} (concurrency policy)`, now);
    }
    return this.startAndSave(run, idempotencyKey, now);
  }

  private async startAndSave(
    run: WorkflowRun,
    idempotencyKey: string | undefined,
    now: Date,
  ): Promise<readonly TaskDispatch[]> {
    const started = run.start(now);
    await this.runs.save(run, { idempotencyKey });
    return started;
  }

  private async cancel(runs: readonly ActiveRun[], reason: string, now: Date): Promise<void> {
    for (const { id } of runs) {
      // Lock order: the workflow (held by the caller), then its runs.
      const run = await this.runs.findForUpdate(id);
      if (run === undefined || isFinished(run.state)) continue;
      run.cancel(reason, now);
      await this.runs.save(run);
    }
  }
}
