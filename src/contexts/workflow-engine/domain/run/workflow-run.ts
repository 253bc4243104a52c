import { AggregateRoot, newId, NotFoundError } from '@libs/ddd';
import type { DefinitionSpec } from '../definition/definition-spec.js';
import { IllegalTransition, RerunNotPossible } from '../errors.js';
import type { JsonObject, JsonValue } from '../json-value.js';
import type { RunEvent } from './run-events.js';
import { RunProgress } from './run-progress.js';
import { RunScope } from './run-scope.js';
import { isFinished, type RunState, type RunTransition } from './run-state.js';
import { APPROVAL_TASK_TYPE, type TaskDispatch } from './task-dispatch.js';
import { TaskRun, type TaskRunSnapshot } from './task-run.js';

/** How many times a task run may lose its worker mid-attempt before that counts as a failure. */
export const MAX_WORKER_LOSSES = 10;

/** The workflow version a run is pinned to. */
export interface PinnedVersion {
  readonly workflowId: string;
  readonly version: number;
  readonly projectId: string;
  readonly spec: DefinitionSpec;
  /** Who wrote the version, when known. */
  readonly createdBy?: string;
}

export interface WorkflowRunSnapshot {
  readonly id: string;
  readonly state: RunState;
  readonly params: JsonObject;
  readonly trigger: JsonValue;
  readonly rerunOf?: string;
  /**
   * The user the run acts for (tasks that act in other contexts act as them): who started it, or for
   * runs nobody started by hand the author of its version.
   */
  readonly actorId?: string;
  readonly createdAt: Date;
  readonly transitions: readonly RunTransition[];
  readonly taskRuns: readonly TaskRunSnapshot[];
}

/**
 * One execution of a pinned workflow version: the run's state machine and its task runs. Every
 * command returns the task runs to dispatch now; the orchestrator enqueues them and reports back
 * with their attempt numbers.
 */
export class WorkflowRun extends AggregateRoot {
  private readonly taskRuns: Map<string, TaskRun>;
  private readonly progress: RunProgress;
  private readonly scope: RunScope;

  private constructor(
    readonly pinned: PinnedVersion,
    private snapshot: Omit<WorkflowRunSnapshot, 'taskRuns'>,
    taskRuns: readonly TaskRun[],
    version = 0,
  ) {
    super(snapshot.id, version);
    this.taskRuns = new Map(taskRuns.map((taskRun) => [taskRun.key, taskRun]));
    this.scope = new RunScope(
      { id: snapshot.id, workflowId: pinned.workflowId },
      pinned.spec,
      snapshot.params,
      snapshot.trigger,
      this.taskRuns,
    );
    this.progress = new RunProgress(snapshot.id, this.scope, this.taskRuns, (event) => this.recordEvent(event));
  }

  /** A queued run; `params` are already checked against the version's params schema, with defaults. */
  static create(
    pinned: PinnedVersion,
    params: JsonObject,
    trigger: JsonValue,
    now: Date,
    actorId?: string,
  ): WorkflowRun {
    return WorkflowRun.queued(pinned, params, trigger, now, { actorId: actorId ?? pinned.createdBy }, []);
  }

  private static queued(
    pinned: PinnedVersion,
    params: JsonObject,
    trigger: JsonValue,
    now: Date,
    origin: Pick<WorkflowRunSnapshot, 'rerunOf' | 'actorId'>,
    reused: readonly TaskRun[],
  ): WorkflowRun {
    const reusedIds = new Set(reused.map((taskRun) => taskRun.taskId));
    const fresh = pinned.spec.tasks.filter((task) => !reusedIds.has(task.id)).map((task) => TaskRun.pending(task.id));
    const taskRuns = [...reused, ...fresh];
    const run = { id: newId(), state: 'queued' as const, params, trigger, ...origin, createdAt: now, transitions: [] };
    return new WorkflowRun(pinned, run, taskRuns);
  }

  static restore(pinned: PinnedVersion, snapshot: WorkflowRunSnapshot, version: number): WorkflowRun {
    const { taskRuns, ...run } = snapshot;
    return new WorkflowRun(pinned, run, taskRuns.map(TaskRun.restore), version);
  }

  toSnapshot(): WorkflowRunSnapshot {
    return { ...this.snapshot, taskRuns: [...this.taskRuns.values()].map((taskRun) => taskRun.toSnapshot()) };
  }

  get state(): RunState {
    return this.snapshot.state;
  }
  get params(): JsonObject {
    return this.snapshot.params;
  }
  get trigger(): JsonValue {
    return this.snapshot.trigger;
  }
  get actorId(): string | undefined {
    return this.snapshot.actorId;
  }
  get createdAt(): Date {
    return this.snapshot.createdAt;
  }
  get transitions(): readonly RunTransition[] {
    return this.snapshot.transitions;
  }

  taskRun(key: string): TaskRun {
    const taskRun = this.taskRuns.get(key);
    if (taskRun === undefined) throw new RangeError(`run ${this.id} has no task run ${key}`);
    return taskRun;
  }

  /** For a key that came from outside the run (a job, a request), which may name no task run of it. */
  findTaskRun(key: string): TaskRun | undefined {
    return this.taskRuns.get(key);
  }

  allTaskRuns(): TaskRun[] {
    return [...this.taskRuns.values()];
  }

  /**
   * What an executor needs for the current attempt of a task run: the dispatch the command that
   * queued it returned. Jobs carry ids only, so the executor asks the run again when it picks one up.
   */
  currentDispatch(key: string): TaskDispatch {
    return this.progress.dispatchOf(this.taskRun(key), 0);
  }

  /** The outputs of the tasks a task run depends on, by task id: what an external worker gets as its inputs. */
  upstreamOutputsOf(key: string): JsonObject {
    return this.scope.upstreamOutputs(this.pinned.spec.task(this.taskRun(key).taskId));
  }

  /** A new queued run of the same version, params and trigger, every task to run again. */
  rerun(now: Date, actorId?: string): WorkflowRun {
    this.requireState(['succeeded', 'failed', 'cancelled'], 'be rerun');
    return WorkflowRun.queued(this.pinned, this.params, this.trigger, now, this.rerunBy(actorId), []);
  }

  /**
   * A new queued run in which `taskId` and everything else not upstream of it run again, while the
   * tasks upstream of it keep the outputs this run recorded (they must all have succeeded or been skipped).
   */
  rerunFrom(taskId: string, now: Date, actorId?: string): WorkflowRun {
    this.requireState(['succeeded', 'failed', 'cancelled'], 'be rerun');
    if (!this.pinned.spec.graph.has(taskId)) throw new NotFoundError('task', taskId);
    const upstream = this.pinned.spec.graph.upstreamOf(taskId);
    const reused = [...this.taskRuns.values()].filter((taskRun) => upstream.has(taskRun.taskId));
    const unfinished = reused.filter((taskRun) => taskRun.state !== 'succeeded' && taskRun.state !== 'skipped');
    if (unfinished.length > 0) {
      throw new RerunNotPossible(
        this.id,
        `upstream of ${taskId}, ${unfinished.map((run) => run.key).join(', ')} did not succeed`,
      );
    }
    const copies = reused.map((taskRun) => taskRun.reusedInRerun(now));
    return WorkflowRun.queued(this.pinned, this.params, this.trigger, now, this.rerunBy(actorId), copies);
  }

  private rerunBy(actorId: string | undefined): Pick<WorkflowRunSnapshot, 'rerunOf' | 'actorId'> {
    return { rerunOf: this.id, actorId: actorId ?? this.snapshot.actorId };
  }

  start(now: Date): TaskDispatch[] {
    this.move(['queued'], 'running', 'start', now);
    this.recordEvent({ name: 'run-started', occurredAt: now, runId: this.id, params: this.params });
    return this.advanceAll(now);
  }

  pause(now: Date): void {
    this.move(['running'], 'paused', 'pause', now);
  }

  resume(now: Date): TaskDispatch[] {
    this.move(['paused'], 'running', 'resume', now);
    return this.advanceAll(now);
  }

  cancel(reason: string, now: Date): void {
    this.move(['queued', 'running', 'paused'], 'cancelled', 'be cancelled', now, reason);
    for (const taskRun of this.taskRuns.values()) taskRun.cancel(now);
    this.recordEvent({ name: 'run-cancelled', occurredAt: now, runId: this.id, reason });
  }

  /** The executor picked up attempt `attempt`; refused (StaleAttempt) when that attempt was superseded. */
  startTask(key: string, attempt: number, now: Date): void {
    this.requireState(['running', 'paused'], 'start a task');
    this.taskRun(key).start(attempt, now);
  }

  completeTask(key: string, attempt: number, outputs: JsonValue, now: Date): TaskDispatch[] {
    this.requireState(['running', 'paused'], 'complete a task');
    const taskRun = this.taskRun(key);
    taskRun.succeed(attempt, outputs, now);
    this.progress.recordSucceeded(taskRun, now);
    return this.afterFinished(taskRun, now);
  }

  /** A cache hit: the queued task run takes the cached outputs without being executed. */
  completeFromCache(key: string, outputs: JsonValue, now: Date): TaskDispatch[] {
    this.requireState(['running', 'paused'], 'complete a task');
    const taskRun = this.taskRun(key);
    taskRun.settle(outputs, 'cache', now);
    this.progress.recordSucceeded(taskRun, now);
    return this.afterFinished(taskRun, now);
  }

  /**
   * A failed attempt (an error or a timeout). With retries left the task waits and is dispatched
   * again under the next attempt number; `random` in [0, 1) drives the jitter. A failure that is
   * not `retryable` ends the task at once, whatever retries are left.
   */
  failTask(key: string, attempt: number, error: string, now: Date, random: number, retryable = true): TaskDispatch[] {
    this.requireState(['running', 'paused'], 'fail a task');
    const taskRun = this.taskRun(key);
    const retries = this.pinned.spec.task(taskRun.taskId).retries;
    if (retryable && retries.allowsRetry(taskRun.retriesSoFar)) {
      const delayMs = retries.delayBeforeRetry(taskRun.retriesSoFar + 1, random);
      taskRun.fail(attempt, error, new Date(now.getTime() + delayMs), now);
      // A gate has nothing to retry but the question: it waits for the next decision at once.
      if (this.isGate(taskRun)) taskRun.awaitDecision(now);
      return [this.progress.dispatchOf(taskRun, delayMs)];
    }
    taskRun.fail(attempt, error, undefined, now);
    this.recordEvent({ name: 'task-failed', occurredAt: now, runId: this.id, key, attempt, error });
    return this.afterFinished(taskRun, now);
  }

  /**
   * Stall recovery: hand the task to another worker under a new attempt; the stalled one is fenced
   * out. Losing workers is free up to MAX_WORKER_LOSSES (a deploy, a crash); past it the attempt fails
   * as any failure does, so a task that kills its worker ends under its retry policy instead of
   * being handed out forever.
   */
  reassignTask(key: string, now: Date, random = 0.5): TaskDispatch[] {
    this.requireState(['running', 'paused'], 'reassign a task');
    const taskRun = this.taskRun(key);
    if (taskRun.workerLosses >= MAX_WORKER_LOSSES) {
      const error = `lost its worker ${taskRun.workerLosses + 1} times (does the task crash or exhaust its worker?)`;
      return this.failTask(key, taskRun.attempt, error, now, random);
    }
    taskRun.reassign(now);
    return [this.progress.dispatchOf(taskRun, 0)];
  }

  /** A manual retry of a failed task: what did not run because of it gets its chance again. */
  retryTask(key: string, now: Date): TaskDispatch[] {
    this.requireState(['running', 'failed'], 'retry a task');
    const taskRun = this.taskRun(key);
    taskRun.retry(now, this.isGate(taskRun));
    if (this.state === 'failed') this.move(['failed'], 'running', 'resume', now, `retry of ${key}`);
    const parent = taskRun.itemIndex === undefined ? undefined : this.taskRun(taskRun.taskId);
    if (parent?.state === 'failed') parent.reopenFanOut(now);
    for (const id of this.pinned.spec.graph.downstreamOf(taskRun.taskId)) {
      const downstream = this.taskRun(id);
      if (downstream.state === 'upstream_failed') downstream.reopen(now);
    }
    return [this.progress.dispatchOf(taskRun, 0)];
  }

  private isGate(taskRun: TaskRun): boolean {
    return this.pinned.spec.task(taskRun.taskId).type === APPROVAL_TASK_TYPE;
  }

  private afterFinished(taskRun: TaskRun, now: Date): TaskDispatch[] {
    const parentSettled = taskRun.itemIndex !== undefined && this.progress.settleFanOut(taskRun.taskId, now);
    const finished = taskRun.itemIndex === undefined || parentSettled ? taskRun.taskId : undefined;
    const dispatches =
      this.state === 'running' && finished ? this.progress.advance(this.dependentsOf(finished), now) : [];
    this.finishIfDone(now);
    return dispatches;
  }

  private advanceAll(now: Date): TaskDispatch[] {
    const dispatches = this.progress.advance(this.pinned.spec.layers().flat().reverse(), now);
    this.finishIfDone(now);
    return dispatches;
  }

  private dependentsOf(taskId: string): string[] {
    return this.pinned.spec.graph.dependentsOf(taskId);
  }

  private finishIfDone(now: Date): void {
    if (isFinished(this.state) || this.state === 'queued') return;
    const taskRuns = [...this.taskRuns.values()];
    if (!taskRuns.every((taskRun) => taskRun.isTerminal)) return;
    if (taskRuns.every((run) => run.state === 'succeeded' || run.state === 'skipped')) {
      this.move(['running', 'paused'], 'succeeded', 'succeed', now);
      this.recordEvent({ name: 'run-succeeded', occurredAt: now, runId: this.id });
    } else {
      this.move(['running', 'paused'], 'failed', 'fail', now);
      const failedTasks = taskRuns.filter((run) => run.state === 'failed').map((run) => run.key);
      this.recordEvent({ name: 'run-failed', occurredAt: now, runId: this.id, failedTasks });
    }
  }

  // Narrows what a run may record to the run events the outbox writer knows how to publish.
  private recordEvent(event: RunEvent): void {
    this.record(event);
  }

  private requireState(allowed: readonly RunState[], action: string): void {
    if (!allowed.includes(this.state)) throw new IllegalTransition(`run ${this.id}`, this.state, action);
  }

  private move(from: readonly RunState[], to: RunState, action: string, now: Date, reason?: string): void {
    this.requireState(from, action);
    const transition: RunTransition = { from: this.state, to, at: now, ...(reason === undefined ? {} : { reason }) };
    this.snapshot = { ...this.snapshot, state: to, transitions: [...this.snapshot.transitions, transition] };
  }
}
