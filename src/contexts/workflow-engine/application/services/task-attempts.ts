import { Injectable } from '@nestjs/common';
import type { JsonValue } from '../../domain/json-value.js';
import { isFinished } from '../../domain/run/run-state.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { TaskCache } from '../ports/task-cache.js';
import type { TaskAttempt } from '../ports/task-queue.js';
import { RunChanges, type RunChange } from './run-changes.js';

/** What the executor runs: the task run's current dispatch, in its run's workflow and project, for its actor. */
export interface TaskExecution {
  readonly dispatch: TaskDispatch;
  readonly workflowId: string;
  readonly projectId: string;
  readonly actorId?: string;
}

/** Whether the attempt's start or outcome line goes to its task log too, in the same transaction. */
interface Logging {
  readonly logged?: boolean;
}

/** Longest error text kept on a task run: executors may report whole stack traces or response bodies. */
const MAX_ERROR_LENGTH = 4000;

const NOTHING_TO_RUN: RunChange<undefined> = { dispatches: [], value: undefined, unchanged: true };

/**
 * The life of one task attempt as whoever executes it reports it (the engine's executors, external
 * workers, child runs, contexts running the task types they contributed): it starts, then succeeds
 * or fails. The attempt number is the fencing token: a report for a superseded attempt throws
 * StaleAttempt and changes nothing.
 */
@Injectable()
export class TaskAttempts {
  constructor(
    private readonly changes: RunChanges,
    private readonly cache: TaskCache,
  ) {}

  /**
   * Marks the attempt running and answers what to execute, or undefined when it is stale (superseded,
   * the run ended) or a cache hit settled the task instead. An attempt already running was handed out
   * again after its worker stalled or vanished: the task moves to a new attempt, fencing the old one out.
   */
  start({ runId, key, attempt }: TaskAttempt, { logged }: Logging = {}): Promise<TaskExecution | undefined> {
    return this.changes.apply(runId, async (run, now): Promise<RunChange<TaskExecution | undefined>> => {
      const taskRun = run.allTaskRuns().find((candidate) => candidate.key === key);
      if (isFinished(run.state) || taskRun === undefined || taskRun.attempt !== attempt) return NOTHING_TO_RUN;
      if (taskRun.state === 'running')
        return { dispatches: run.reassignTask(key, now, Math.random()), value: undefined };
      if (taskRun.state !== 'queued' && taskRun.state !== 'retrying') return NOTHING_TO_RUN;
      const dispatch = run.currentDispatch(key);
      // A retry already missed the cache on its first attempt.
      const cached =
        dispatch.cache && taskRun.state === 'queued'
          ? await this.cache.lookup(run.pinned.projectId, dispatch.cache.key)
          : undefined;
      if (cached !== undefined) return { dispatches: run.completeFromCache(key, cached, now), value: undefined };
      run.startTask(key, attempt, now);
      const logs = logged ? [{ key, attempt, lines: [`started ${dispatch.type} task, attempt ${attempt}`] }] : [];
      // Lost in a crash, the task is queued again under the same attempt and runs once more (tasks are
      // delivered at least once); a later commit that waits for the flush makes this one durable too.
      return { dispatches: [], value: executionOf(run, key), logs, mayBeLost: true };
    });
  }

  /** Records the attempt's outputs (and caches them when the task says so) and enqueues what they unblock. */
  complete({ runId, key, attempt }: TaskAttempt, outputs: JsonValue, { logged }: Logging = {}): Promise<void> {
    return this.changes.apply(runId, async (run, now) => {
      const cache = run.currentDispatch(key).cache;
      const dispatches = run.completeTask(key, attempt, outputs, now);
      if (cache) await this.cache.store(run.pinned.projectId, cache.key, outputs, cache.ttlSeconds);
      return { dispatches, value: undefined, logs: logged ? [{ key, attempt, lines: ['succeeded'] }] : [] };
    });
  }

  /**
   * Records a failed attempt. With retries left (and a retryable failure) the domain answers the next
   * attempt, delayed by its backoff; otherwise the failure propagates downstream.
   */
  fail(
    { runId, key, attempt }: TaskAttempt,
    error: string,
    { logged, retryable = true }: Logging & { readonly retryable?: boolean } = {},
  ): Promise<void> {
    const kept = error.slice(0, MAX_ERROR_LENGTH);
    return this.changes.apply(runId, (run, now) => {
      const dispatches = run.failTask(key, attempt, kept, now, Math.random(), retryable);
      return {
        dispatches,
        value: undefined,
        logs: logged ? [{ key, attempt, lines: [`failed: ${kept}`], level: 'error' as const }] : [],
      };
    });
  }
}

function executionOf(run: WorkflowRun, key: string): TaskExecution {
  const { workflowId, projectId } = run.pinned;
  const actor = run.actorId === undefined ? {} : { actorId: run.actorId };
  return { dispatch: run.currentDispatch(key), workflowId, projectId, ...actor };
}
