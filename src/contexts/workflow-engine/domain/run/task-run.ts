import { Entity } from '@libs/ddd';
import { IllegalTransition, StaleAttempt } from '../errors.js';
import type { JsonValue } from '../json-value.js';
import { isTerminal, type TaskRunState, type TaskTransition } from './task-run-state.js';

export interface TaskRunSnapshot {
  readonly key: string;
  readonly taskId: string;
  /** The item's position for one run of a fan-out (`train[2]`); absent for a task's own run. */
  readonly itemIndex?: number;
  /** That item's value, which the task's params and cache key may read as `item`. */
  readonly item?: JsonValue;
  /** For a fan-out's own task run: how many items it was expanded into. */
  readonly items?: number;
  readonly state: TaskRunState;
  /** The fencing token: only a report for the current attempt may change the task run. */
  readonly attempt: number;
  readonly input?: JsonValue;
  readonly outputs?: JsonValue;
  readonly error?: string;
  readonly retryAt?: Date;
  /** Outputs taken from a cache hit or from the run this one reruns, not produced by this run. */
  readonly reusedFrom?: 'cache' | 'previous-run';
  readonly transitions: readonly TaskTransition[];
}

/**
 * One task (or one item of a fan-out) within a run: its state machine and attempt counter. Only
 * its run changes it, so the run can keep its own rules (readiness, propagation) consistent.
 */
export class TaskRun extends Entity<string> {
  private constructor(private snapshot: TaskRunSnapshot) {
    super(snapshot.key);
  }

  static pending(taskId: string): TaskRun {
    return new TaskRun({ key: taskId, taskId, state: 'pending', attempt: 0, transitions: [] });
  }

  static pendingItem(taskId: string, itemIndex: number, item: JsonValue): TaskRun {
    const key = `${taskId}[${itemIndex}]`;
    return new TaskRun({ key, taskId, itemIndex, item, state: 'pending', attempt: 0, transitions: [] });
  }

  static restore(snapshot: TaskRunSnapshot): TaskRun {
    return new TaskRun(snapshot);
  }

  toSnapshot(): TaskRunSnapshot {
    return this.snapshot;
  }

  get key(): string {
    return this.snapshot.key;
  }
  get taskId(): string {
    return this.snapshot.taskId;
  }
  get itemIndex(): number | undefined {
    return this.snapshot.itemIndex;
  }
  get item(): JsonValue | undefined {
    return this.snapshot.item;
  }
  get items(): number | undefined {
    return this.snapshot.items;
  }
  get state(): TaskRunState {
    return this.snapshot.state;
  }
  get attempt(): number {
    return this.snapshot.attempt;
  }
  get outputs(): JsonValue | undefined {
    return this.snapshot.outputs;
  }
  get input(): JsonValue | undefined {
    return this.snapshot.input;
  }
  get error(): string | undefined {
    return this.snapshot.error;
  }
  /**
   * Automatic retries since the task last became runnable by hand: they spend the retry budget.
   * Reassignments after a stall do not, although they take a new attempt number.
   */
  /** How many times the task lost its worker mid-attempt and went back to the queue. */
  get workerLosses(): number {
    return this.snapshot.transitions.filter((transition) => transition.from === 'running' && transition.to === 'queued')
      .length;
  }

  get retriesSoFar(): number {
    let count = 0;
    for (let index = this.snapshot.transitions.length - 1; index >= 0; index -= 1) {
      const transition = this.snapshot.transitions[index];
      if (transition.from === 'failed') break;
      if (transition.to === 'retrying') count += 1;
    }
    return count;
  }

  get isTerminal(): boolean {
    return isTerminal(this.snapshot.state);
  }

  /** Ready to run: queued for a worker, or for a gate (`approval`) waiting for a person's decision. */
  queue(input: JsonValue, now: Date, gate = false): void {
    const to = gate ? 'waiting_for_approval' : 'queued';
    this.move(['pending'], to, 'be queued', now, { attempt: this.attempt + 1, input });
  }

  /** A gate whose attempt was rejected or expired waits for the next decision, under the retry's attempt. */
  awaitDecision(now: Date): void {
    this.move(['retrying'], 'waiting_for_approval', 'wait for a decision', now, { retryAt: undefined });
  }

  /** A fan-out's own task run: it runs while its items do, without being executed itself. */
  expand(items: number, now: Date): void {
    this.move(['pending'], 'running', 'fan out', now, { items });
  }

  start(attempt: number, now: Date): void {
    this.fence(attempt);
    this.move(['queued', 'retrying', 'waiting_for_approval'], 'running', 'start', now, { retryAt: undefined });
  }

  succeed(attempt: number, outputs: JsonValue, now: Date): void {
    this.fence(attempt);
    this.move(['running'], 'succeeded', 'succeed', now, { outputs });
  }

  /** Succeeds without being executed: a cache hit or a finished fan-out. */
  settle(outputs: JsonValue, reusedFrom: 'cache' | undefined, now: Date): void {
    this.move(['queued', 'running'], 'succeeded', 'succeed', now, { outputs, reusedFrom });
  }

  /** Records a failed attempt; `retryAt` set means another attempt follows, under the next fencing token. */
  fail(attempt: number, error: string, retryAt: Date | undefined, now: Date): void {
    this.fence(attempt);
    if (retryAt === undefined) this.move(['running'], 'failed', 'fail', now, { error });
    else this.move(['running'], 'retrying', 'retry', now, { error, retryAt, attempt: attempt + 1 });
  }

  /** Fails before any attempt ran: an expression the task needs could not be evaluated. */
  failUnstarted(error: string, now: Date): void {
    this.move(['pending', 'running'], 'failed', 'fail', now, { error });
  }

  /** Stall recovery: the task goes back to the queue under a new attempt, fencing the stalled worker out. */
  reassign(now: Date): void {
    this.move(['running'], 'queued', 'be reassigned', now, { attempt: this.attempt + 1 });
  }

  skip(now: Date): void {
    this.move(['pending'], 'skipped', 'be skipped', now, {});
  }

  markUpstreamFailed(now: Date): void {
    this.move(['pending'], 'upstream_failed', 'be marked upstream_failed', now, {});
  }

  cancel(now: Date): void {
    if (this.isTerminal) return;
    this.move([this.state], 'cancelled', 'be cancelled', now, {});
  }

  /** A manual retry of a failed task: a fresh attempt, under a new fencing token. */
  retry(now: Date, gate = false): void {
    const to = gate ? 'waiting_for_approval' : 'queued';
    this.move(['failed'], to, 'be retried', now, { attempt: this.attempt + 1, error: undefined });
  }

  /** A task that did not run because something upstream failed gets its chance again. */
  reopen(now: Date): void {
    this.move(['upstream_failed'], 'pending', 'be reopened', now, {});
  }

  /** A fan-out that failed with one of its items goes back to running while that item is retried. */
  reopenFanOut(now: Date): void {
    this.move(['failed'], 'running', 'be reopened', now, { error: undefined });
  }

  /** A copy for a rerun that reuses this task run's result. */
  reusedInRerun(now: Date): TaskRun {
    const { key, taskId, itemIndex, item, items, state, input, outputs } = this.snapshot;
    const transitions = [{ from: 'pending' as const, to: state, at: now, attempt: 0 }];
    const reusedFrom = 'previous-run';
    return new TaskRun({
      key,
      taskId,
      itemIndex,
      item,
      items,
      state,
      attempt: 0,
      input,
      outputs,
      reusedFrom,
      transitions,
    });
  }

  private fence(attempt: number): void {
    if (attempt !== this.attempt) throw new StaleAttempt(this.key, attempt, this.attempt);
  }

  private move(
    from: readonly TaskRunState[],
    to: TaskRunState,
    action: string,
    now: Date,
    changes: Partial<TaskRunSnapshot>,
  ): void {
    if (!from.includes(this.state)) throw new IllegalTransition(`task run ${this.key}`, this.state, action);
    const next = { ...this.snapshot, ...changes, state: to };
    const transition: TaskTransition = { from: this.state, to, at: now, attempt: next.attempt };
    this.snapshot = { ...next, transitions: [...this.snapshot.transitions, transition] };
  }
}
