import { Injectable } from '@nestjs/common';
import type { JsonValue } from '../../domain/json-value.js';
import { isFinished } from '../../domain/run/run-state.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { TaskLogEntry } from '../../domain/run/task-log-entry.js';
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
  /**
   * Set when the start was not recorded (a first delivery, docs/adr/0203): when the attempt began,
   * for its outcome to record the start with it.
   */
  readonly startedAt?: Date;
}

/**
 * How the job of an attempt reached its worker: `first` when no worker took it before, so the start
 * may wait to be recorded with the outcome; `again` when one did, which may still be executing it
 * without having recorded its start.
 */
export type Delivery = 'first' | 'again';

/** An outcome's attempt start when it was not recorded yet: recorded with the outcome, in its change. */
interface UnrecordedStart {
  readonly startedAt?: Date;
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
   * A first delivery of a task without a cache records nothing: it answers the execution with its
   * `startedAt`, and the outcome records the start (one write per attempt instead of two). A delivery
   * `again` of an attempt whose start was never recorded cannot tell whether the worker that took it
   * first is executing it still, so the task moves to a new attempt too.
   */
  start(
    { runId, key, attempt }: TaskAttempt,
    { logged, delivery }: Logging & { readonly delivery?: Delivery } = {},
  ): Promise<TaskExecution | undefined> {
    // A first delivery that may go unrecorded changes nothing: it need not wait for the run's changes
    // in flight, which a wide fan-out's reports keep busy. Any other answer is the change's to give.
    const unrecorded =
      delivery === 'first' ? this.changes.peek(runId, (run, now) => unrecordedStart(run, key, attempt, now)) : undefined;
    if (unrecorded !== undefined) return Promise.resolve(unrecorded);
    return this.changes.apply(runId, async (run, now): Promise<RunChange<TaskExecution | undefined>> => {
      const taskRun = run.findTaskRun(key);
      if (isFinished(run.state) || taskRun === undefined || taskRun.attempt !== attempt) return NOTHING_TO_RUN;
      if (taskRun.state === 'running')
        return { dispatches: run.reassignTask(key, now, Math.random()), value: undefined };
      if (taskRun.state !== 'queued' && taskRun.state !== 'retrying') return NOTHING_TO_RUN;
      if (delivery === 'again') {
        run.startTask(key, attempt, now);
        return { dispatches: run.reassignTask(key, now, Math.random()), value: undefined };
      }
      const execution = delivery === 'first' ? unrecordedStart(run, key, attempt, now) : undefined;
      if (execution !== undefined) return { dispatches: [], value: execution, unchanged: true };
      const dispatch = run.currentDispatch(key);
      // A retry already missed the cache on its first attempt.
      const cached =
        dispatch.cache && taskRun.state === 'queued'
          ? await this.cache.lookup(run.pinned.projectId, dispatch.cache.key)
          : undefined;
      if (cached !== undefined) return { dispatches: run.completeFromCache(key, cached, now), value: undefined };
      run.startTask(key, attempt, now);
      // Lost in a crash, the task is queued again under the same attempt and runs once more (tasks are
      // delivered at least once); a later commit that waits for the flush makes this one durable too.
      return {
        dispatches: [],
        value: executionOf(run, key),
        logs: startLogs(run, key, attempt, logged),
        mayBeLost: true,
      };
    });
  }

  /** Records the attempt's outputs (and caches them when the task says so) and enqueues what they unblock. */
  complete(
    { runId, key, attempt }: TaskAttempt,
    outputs: JsonValue,
    { logged, startedAt }: Logging & UnrecordedStart = {},
  ): Promise<void> {
    return this.changes.apply(runId, async (run, now) => {
      const started = startedAt === undefined ? [] : recordStart(run, key, attempt, startedAt, logged);
      const cache = run.currentDispatch(key).cache;
      const dispatches = run.completeTask(key, attempt, outputs, now);
      if (cache) await this.cache.store(run.pinned.projectId, cache.key, outputs, cache.ttlSeconds);
      return {
        dispatches,
        value: undefined,
        logs: [...started, ...(logged ? [{ key, attempt, lines: ['succeeded'] }] : [])],
      };
    });
  }

  /**
   * Records a failed attempt. With retries left (and a retryable failure) the domain answers the next
   * attempt, delayed by its backoff; otherwise the failure propagates downstream.
   */
  fail(
    { runId, key, attempt }: TaskAttempt,
    error: string,
    { logged, retryable = true, startedAt }: Logging & UnrecordedStart & { readonly retryable?: boolean } = {},
  ): Promise<void> {
    const kept = error.slice(0, MAX_ERROR_LENGTH);
    return this.changes.apply(runId, (run, now) => {
      const started = startedAt === undefined ? [] : recordStart(run, key, attempt, startedAt, logged);
      const dispatches = run.failTask(key, attempt, kept, now, Math.random(), retryable);
      const failed = logged ? [{ key, attempt, lines: [`failed: ${kept}`], level: 'error' as const }] : [];
      return { dispatches, value: undefined, logs: [...started, ...failed] };
    });
  }
}

/**
 * The start of an attempt executed before it was recorded, now that its outcome is: only while the
 * task still waits at that attempt. Otherwise the outcome itself is refused (a superseded attempt, an
 * ended run), with the error that says why.
 */
function recordStart(
  run: WorkflowRun,
  key: string,
  attempt: number,
  startedAt: Date,
  logged?: boolean,
): TaskLogEntry[] {
  const taskRun = run.findTaskRun(key);
  const waiting = taskRun?.attempt === attempt && (taskRun.state === 'queued' || taskRun.state === 'retrying');
  if (isFinished(run.state) || !waiting) return [];
  run.startTask(key, attempt, startedAt);
  return startLogs(run, key, attempt, logged);
}

/**
 * The execution of a first delivery whose start is left to its outcome to record: while the task waits
 * at that attempt, when it keeps no cache (a cache lookup may settle it instead). Undefined otherwise.
 */
function unrecordedStart(run: WorkflowRun, key: string, attempt: number, now: Date): TaskExecution | undefined {
  const taskRun = run.findTaskRun(key);
  if (isFinished(run.state) || taskRun?.attempt !== attempt) return undefined;
  if (taskRun.state !== 'queued' && taskRun.state !== 'retrying') return undefined;
  if (run.currentDispatch(key).cache) return undefined;
  return { ...executionOf(run, key), startedAt: now };
}

function startLogs(run: WorkflowRun, key: string, attempt: number, logged?: boolean): TaskLogEntry[] {
  return logged ? [{ key, attempt, lines: [`started ${run.currentDispatch(key).type} task, attempt ${attempt}`] }] : [];
}

function executionOf(run: WorkflowRun, key: string): TaskExecution {
  const { workflowId, projectId } = run.pinned;
  const actor = run.actorId === undefined ? {} : { actorId: run.actorId };
  return { dispatch: run.currentDispatch(key), workflowId, projectId, ...actor };
}
