import { Injectable } from '@nestjs/common';
import { isFinished } from '../../domain/run/run-state.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { ExternalTaskLeases, type Reservation } from '../ports/external-task-leases.js';
import { TaskCache } from '../ports/task-cache.js';
import { TaskOffers } from '../ports/task-offers.js';
import { RunChanges, type RunChange } from '../services/run-changes.js';
import type { ClaimExternalTaskCommand, ExternalTaskClaim } from './claim-external-task.command.js';

/** Offers from other instances arrive without an announcement here; they are found at the next recheck. */
const RECHECK_MS = 1000;

/**
 * Long-poll claim of an external task: lease a row, then start its attempt under the run's lock.
 * A row whose previous lease ran out moves the task to a new attempt first (as a stalled BullMQ
 * job does), which fences out the worker that lost the lease. A row that turns out stale (the run
 * ended, the task moved on) or is settled by a cache hit is closed and the next one tried.
 */
@Injectable()
export class ClaimExternalTaskHandler {
  constructor(
    private readonly leases: ExternalTaskLeases,
    private readonly changes: RunChanges,
    private readonly offers: TaskOffers,
    private readonly cache: TaskCache,
  ) {}

  async execute(command: ClaimExternalTaskCommand): Promise<ExternalTaskClaim | undefined> {
    const deadline = Date.now() + command.waitMs;
    for (;;) {
      const claim = await this.claimNow(command);
      const left = deadline - Date.now();
      if (claim !== undefined || left <= 0) return claim;
      if (!(await this.offers.next(Math.min(left, RECHECK_MS)))) return undefined;
    }
  }

  private async claimNow(command: ClaimExternalTaskCommand): Promise<ExternalTaskClaim | undefined> {
    const { projectId, queue, workerId, leaseSeconds } = command;
    for (;;) {
      const reservation = await this.leases.reserve({ projectId, queue, workerId, leaseSeconds });
      if (reservation === undefined) return undefined;
      const claim = await this.changes.apply(reservation.runId, (run, now) => this.start(run, reservation, now));
      if (claim !== undefined) return claim;
    }
  }

  private async start(
    run: WorkflowRun,
    reservation: Reservation,
    now: Date,
  ): Promise<RunChange<ExternalTaskClaim | undefined>> {
    const { id, key, leaseToken } = reservation;
    const taskRun = run.findTaskRun(key);
    if (taskRun === undefined || taskRun.attempt !== reservation.attempt || isFinished(run.state)) {
      return this.stale(reservation);
    }
    if (taskRun.state === 'running') run.reassignTask(key, now, Math.random());
    if (taskRun.state !== 'queued' && taskRun.state !== 'retrying') return this.stale(reservation);
    const cache = run.currentDispatch(key).cache;
    // As for BullMQ jobs (StartTaskHandler): a retry already missed the cache on its first attempt.
    const cached =
      cache && taskRun.state === 'queued' ? await this.cache.lookup(run.pinned.projectId, cache.key) : undefined;
    if (cached !== undefined) {
      await this.leases.settle(id, reservation.attempt);
      return { dispatches: run.completeFromCache(key, cached, now), value: undefined };
    }
    // The reassignment's dispatch is not enqueued: this worker runs the new attempt now.
    run.startTask(key, taskRun.attempt, now);
    await this.leases.moveToAttempt(id, leaseToken, taskRun.attempt);
    const dispatch = run.currentDispatch(key);
    return {
      dispatches: [],
      value: {
        taskRunId: id,
        runId: run.id,
        taskId: key,
        attempt: taskRun.attempt,
        leaseToken,
        leaseExpiresAt: reservation.leasedUntil,
        params: dispatch.input,
        inputs: run.upstreamOutputsOf(key),
      },
    };
  }

  private async stale(reservation: Reservation): Promise<RunChange<undefined>> {
    await this.leases.settle(reservation.id, reservation.attempt);
    return { dispatches: [], value: undefined, unchanged: true };
  }
}
