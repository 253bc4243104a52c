import { Injectable } from '@nestjs/common';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { RunQueries, type InFlightTaskRun } from '../ports/run-queries.js';
import { TaskQueue, type TaskAttempt } from '../ports/task-queue.js';
import { RunChanges, type RunChange } from '../services/run-changes.js';
import type { ReconcileRunsCommand, Reconciliation } from './reconcile-runs.command.js';

const BATCH = 1000;

/**
 * PostgreSQL is the record; the queue can lose jobs (a Redis restart without persistence, a crash
 * between commit and enqueue). This finds every task run that should have a job and has none, and
 * gives it one: queued and retrying ones get the same attempt again (the job id makes that
 * idempotent), running ones a new attempt, since whoever ran the old one is gone or fenced out.
 */
@Injectable()
export class ReconcileRunsHandler {
  constructor(
    private readonly queries: RunQueries,
    private readonly queue: TaskQueue,
    private readonly changes: RunChanges,
  ) {}

  async execute(_command: ReconcileRunsCommand): Promise<Reconciliation> {
    let requeued = 0;
    let reassigned = 0;
    let after: InFlightTaskRun | undefined;
    for (;;) {
      const batch = await this.queries.inFlightTaskRuns(BATCH, after);
      const orphans = new Set((await this.queue.withoutJob(batch)).map(attemptId));
      const byRun = new Map<string, InFlightTaskRun[]>();
      for (const taskRun of batch.filter((candidate) => orphans.has(attemptId(candidate)))) {
        byRun.set(taskRun.runId, [...(byRun.get(taskRun.runId) ?? []), taskRun]);
      }
      for (const [runId, taskRuns] of byRun) {
        const counts = await this.changes.apply(runId, (run, now) => this.recover(run, taskRuns, now));
        requeued += counts.requeued;
        reassigned += counts.reassigned;
      }
      if (batch.length < BATCH) return { requeued, reassigned };
      after = batch[batch.length - 1];
    }
  }

  private recover(run: WorkflowRun, orphans: readonly InFlightTaskRun[], now: Date): RunChange<Reconciliation> {
    const dispatches: TaskDispatch[] = [];
    let reassigned = 0;
    for (const orphan of orphans) {
      // Re-read under the run's lock: the task may have moved on since the batch was read.
      const taskRun = run.taskRun(orphan.key);
      if (taskRun.attempt !== orphan.attempt || taskRun.state !== orphan.state) continue;
      if (taskRun.state === 'running') {
        dispatches.push(...run.reassignTask(orphan.key, now, Math.random()));
        reassigned += 1;
      } else {
        const dueInMs = Math.max(0, (orphan.retryAt?.getTime() ?? 0) - now.getTime());
        dispatches.push({ ...run.currentDispatch(orphan.key), delayMs: dueInMs });
      }
    }
    const requeued = dispatches.length - reassigned;
    return { dispatches, value: { requeued, reassigned }, unchanged: reassigned === 0 };
  }
}

const attemptId = (taskRun: TaskAttempt): string => `${taskRun.runId}:${taskRun.key}:${taskRun.attempt}`;
