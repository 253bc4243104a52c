import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { crashPoint } from '@libs/platform/ports';
import { Injectable, Logger } from '@nestjs/common';
import { isFinished } from '../../domain/run/run-state.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { TaskLogEntry } from '../../domain/run/task-log-entry.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { Clock } from '../ports/clock.js';
import { RunTransaction } from '../ports/run-transaction.js';
import { TaskQueue } from '../ports/task-queue.js';
import { RunAdmission } from './run-admission.js';

/** What a command did to a run: the task runs to hand to executors, and what the caller gets back. */
export interface RunChange<T> {
  readonly dispatches: readonly TaskDispatch[];
  readonly value: T;
  /** Task log lines about the change, written with it. */
  readonly logs?: readonly TaskLogEntry[];
  /** Set when the command found nothing to change (a stale report): no write, no version bump. */
  readonly unchanged?: boolean;
  /**
   * Set when losing the change in a database crash is harmless, so its commit need not wait for the
   * WAL flush (an attempt's start: lost, the task is queued again and the attempt runs again).
   */
  readonly mayBeLost?: boolean;
}

type Change<T> = (run: WorkflowRun, now: Date) => Promise<RunChange<T>> | RunChange<T>;

/** A change waiting for the one in flight on its run, with its caller's promise. */
interface Waiting {
  readonly change: Change<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Committed {
  readonly results: readonly RunChange<unknown>[];
  /** Whether the changes wrote anything (and so went through the save's version check). */
  readonly saved: boolean;
  readonly freedSlot?: string;
}

/**
 * The orchestrator's one way to change a stored run (a new run is stored by RunAdmission): load it
 * under its lock, apply domain commands, save the snapshot and its events in that transaction, then
 * enqueue what the commands dispatched, right after the commit. A change that rolls back enqueues nothing; a crash between commit and enqueue
 * leaves queued task runs without a job, which the reconciler finds.
 *
 * Group commit: while a change of a run is in flight in this process, the changes that arrive for
 * the same run wait, and then go together in one transaction (one load, one save, one commit), as
 * many reports of a wide fan-out do. If any of them throws (a stale report), the group rolls back
 * and each goes alone, so only its own error reaches it.
 */
@Injectable()
export class RunChanges {
  private readonly logger = new Logger(RunChanges.name);
  private readonly waiting = new Map<string, Waiting[]>();
  /** The run that each change in flight applies to and saves, by run id. */
  private readonly working = new Map<string, WorkflowRun>();

  constructor(
    private readonly transaction: RunTransaction,
    private readonly runs: WorkflowRunRepository,
    private readonly queue: TaskQueue,
    private readonly clock: Clock,
    private readonly admission: RunAdmission,
  ) {}

  async apply<T>(runId: string, change: Change<T>): Promise<T> {
    // Inside a caller's transaction the change must commit with it, not with a group.
    if (this.transaction.active()) return this.applyAlone(runId, change);
    const queue = this.waiting.get(runId);
    if (queue !== undefined) {
      return new Promise<T>((resolve, reject) =>
        queue.push({ change, resolve: resolve as (value: unknown) => void, reject }),
      );
    }
    return new Promise<T>((resolve, reject) => {
      void this.drain(runId, [{ change, resolve: resolve as (value: unknown) => void, reject }]);
    });
  }

  /**
   * Looks at the run without waiting for the changes of it in flight: at the run a change in flight
   * in this process works on, or else at the run as this process last committed it; undefined when
   * it holds neither. What `look` sees may hold changes not committed yet, or lack what another
   * process committed since, so it may answer only what stays true either way (a job's attempt that
   * the run still has queued may start: had it been superseded meanwhile, its report is refused).
   */
  peek<T>(runId: string, look: (run: WorkflowRun, now: Date) => T): T | undefined {
    const run = this.working.get(runId) ?? this.runs.peekCommitted(runId);
    return run === undefined ? undefined : look(run, this.clock.now());
  }

  private async applyAlone<T>(runId: string, change: Change<T>): Promise<T> {
    const [result] = await this.commitAndEnqueue(runId, [change]);
    return result.value as T;
  }

  /** Applies `first`, then the changes that waited meanwhile, group by group, until none wait. */
  private async drain(runId: string, first: readonly Waiting[]): Promise<void> {
    for (let group = first; group.length > 0; group = this.waiting.get(runId) ?? []) {
      this.waiting.set(runId, []);
      await this.applyGroup(runId, group);
    }
    this.waiting.delete(runId);
  }

  /**
   * Commits the group, then enqueues what it dispatched and answers its callers, without holding up the
   * next group: that one may commit while these jobs are enqueued (each group's jobs still go only
   * after its own commit).
   */
  private async applyGroup(runId: string, group: readonly Waiting[]): Promise<void> {
    let done: Committed;
    try {
      done = await this.commit(
        runId,
        group.map((waiting) => waiting.change),
      );
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // Nothing of the group committed: each goes alone, so only its own error reaches it.
      for (const waiting of group) await this.applyAlone(runId, waiting.change).then(waiting.resolve, waiting.reject);
      return;
    }
    void this.enqueue(done).then(
      (results) => group.forEach((waiting, index) => waiting.resolve(results[index].value)),
      (error: unknown) => group.forEach((waiting) => waiting.reject(error)),
    );
  }

  private async commitAndEnqueue(runId: string, changes: readonly Change<unknown>[]): Promise<RunChange<unknown>[]> {
    return this.enqueue(await this.commit(runId, changes));
  }

  private async commit(runId: string, changes: readonly Change<unknown>[]): Promise<Committed> {
    // In a caller's transaction the commit is the caller's, and it waits for the flush.
    const alone = !this.transaction.active();
    let done: Committed;
    try {
      done =
        (alone ? await this.commitOnCommittedRun(runId, changes) : undefined) ??
        (await this.transaction.run(async (): Promise<Committed> => {
          const run = await this.runs.findForUpdate(runId);
          if (run === undefined) throw new NotFoundError('workflow run', runId);
          return this.applyAndSave(run, changes, { alone });
        }));
    } finally {
      // Committed, the run is kept (or it was rolled back): `peek` looks at what the repository keeps.
      this.working.delete(runId);
    }
    return done;
  }

  /**
   * Enqueues what a committed change dispatched. Failing, it answers the enqueue's error: the change
   * is committed and must not be applied again (the reconciler enqueues what it left queued).
   */
  private async enqueue(done: Committed): Promise<RunChange<unknown>[]> {
    const dispatches = done.results.flatMap((result) => result.dispatches);
    // Reliability tests kill the process here: committed, with what it dispatched not yet enqueued.
    if (dispatches.length > 0) crashPoint('workflow.run-change.before-enqueue');
    await this.queue.enqueue(dispatches);
    if (done.freedSlot !== undefined) await this.startQueued(done.freedSlot);
    return [...done.results];
  }

  /**
   * The changes on the run as this process last committed it, saved in one statement without the
   * lock's round trips (begin, lock and read, commit): the save's version check stands in for the
   * lock. Answers undefined when no run is kept or when another writer moved the run on, and the
   * changes go again under the lock. Changes that save nothing, or that refuse (a stale report), are
   * checked against the stored version instead: another process may have moved the run on since (a
   * job it enqueued names a task this run still has pending), and only the stored run may say so.
   */
  private async commitOnCommittedRun(
    runId: string,
    changes: readonly Change<unknown>[],
  ): Promise<Committed | undefined> {
    const run = this.runs.takeCommitted(runId);
    if (run === undefined) return undefined;
    let done: Committed;
    try {
      done = await this.applyAndSave(run, changes, { alone: true });
    } catch (error) {
      if (error instanceof ConcurrencyError || !(await this.runs.isLatest(run))) return undefined;
      throw error;
    }
    if (done.saved) return done;
    if (!(await this.runs.isLatest(run))) return undefined;
    this.runs.giveBack(run);
    return done;
  }

  /** Applies the changes to the run and saves what they did. Only a commit of its own (`alone`) may skip the flush wait. */
  private async applyAndSave(
    run: WorkflowRun,
    changes: readonly Change<unknown>[],
    { alone }: { readonly alone: boolean },
  ): Promise<Committed> {
    const wasActive = !isFinished(run.state);
    const results: RunChange<unknown>[] = [];
    this.working.set(run.id, run);
    for (const change of changes) results.push(await change(run, this.clock.now()));
    const logs = results.flatMap((result) => result.logs ?? []);
    const saved = logs.length > 0 || results.some((result) => !result.unchanged);
    if (saved) await this.runs.save(run, { logs, mayBeLost: alone && results.every((result) => result.mayBeLost) });
    return { results, saved, ...(wasActive && isFinished(run.state) && { freedSlot: run.pinned.workflowId }) };
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
}
