import type { TaskSpec } from '../definition/task-spec.js';
import { isTruthy } from '../expression/expression-evaluator.js';
import { asText } from '../expression/expression-text.js';
import type { JsonValue } from '../json-value.js';
import { defaultCacheKey, explicitCacheKey } from './cache-key.js';
import type { RunEvent } from './run-events.js';
import type { RunScope } from './run-scope.js';
import { APPROVAL_TASK_TYPE, type TaskDispatch } from './task-dispatch.js';
import { blocksDownstream } from './task-run-state.js';
import { TaskRun } from './task-run.js';

/** Bounds one fan-out: each item is a task run the engine stores and schedules. */
export const MAX_FAN_OUT_ITEMS = 1000;

/**
 * The readiness rules of a run: which pending task runs become ready once what they depend on has
 * finished, and what happens to them (queued, skipped, upstream_failed, fanned out). It works from a
 * list of candidates and adds the dependents of every task it finishes, so one completion costs only
 * what it unblocks.
 */
export class RunProgress {
  constructor(
    private readonly runId: string,
    private readonly scope: RunScope,
    private readonly taskRuns: Map<string, TaskRun>,
    private readonly record: (event: RunEvent) => void,
  ) {}

  advance(candidates: Iterable<string>, now: Date): TaskDispatch[] {
    const dispatches: TaskDispatch[] = [];
    const work = [...candidates];
    while (work.length > 0) {
      const taskId = work.pop()!;
      const taskRun = this.taskRuns.get(taskId)!;
      if (taskRun.state !== 'pending') continue;
      const task = this.scope.spec.task(taskId);
      if (!this.upstreamFinished(task)) continue;
      const upstream = task.dependsOn.map((id) => this.taskRuns.get(id)!);
      dispatches.push(...this.decide(task, taskRun, upstream, now));
      if (taskRun.isTerminal) work.push(...this.scope.spec.graph.dependentsOf(taskId));
    }
    return dispatches;
  }

  /** Settles a fan-out once all its items have finished: the list of their outputs, or failed. */
  settleFanOut(taskId: string, now: Date): boolean {
    const parent = this.taskRuns.get(taskId)!;
    const items = this.itemsOf(taskId, parent);
    if (parent.state !== 'running' || !items.every((item) => item.isTerminal)) return false;
    const failed = items.filter((item) => item.state !== 'succeeded').length;
    if (failed === 0) {
      parent.settle(
        items.map((item) => item.outputs ?? null),
        undefined,
        now,
      );
      this.recordSucceeded(parent, now);
    } else {
      this.failUnstarted(parent, `${failed} of ${items.length} items did not succeed`, now);
    }
    return true;
  }

  dispatchOf(taskRun: TaskRun, delayMs: number): TaskDispatch {
    const task = this.scope.spec.task(taskRun.taskId);
    const input = taskRun.input ?? null;
    return {
      runId: this.runId,
      key: taskRun.key,
      taskId: task.id,
      type: task.type,
      attempt: taskRun.attempt,
      input,
      priority: task.priority,
      queue: task.document.queue,
      timeoutMs: task.timeoutMs,
      delayMs,
      cache: task.cache && { key: this.cacheKey(task, taskRun, input), ttlSeconds: task.cache.ttlSeconds },
    };
  }

  recordSucceeded(taskRun: TaskRun, now: Date): void {
    const { key, attempt, outputs } = taskRun;
    this.record({ name: 'task-succeeded', occurredAt: now, runId: this.runId, key, attempt, outputs: outputs ?? null });
  }

  failUnstarted(taskRun: TaskRun, error: string, now: Date): void {
    taskRun.failUnstarted(error, now);
    const { key, attempt } = taskRun;
    this.record({ name: 'task-failed', occurredAt: now, runId: this.runId, key, attempt, error });
  }

  itemsOf(taskId: string, parent: TaskRun): TaskRun[] {
    return Array.from({ length: parent.items ?? 0 }, (_, index) => this.taskRuns.get(`${taskId}[${index}]`)!);
  }

  /**
   * Whether everything `task` depends on has finished. Each completion in a wide fan-in asks this of
   * the join, so it looks from the last dependency back and stops at the first unfinished one: tasks
   * are dispatched in definition order, so the last ones are the likeliest to be still running.
   */
  private upstreamFinished(task: TaskSpec): boolean {
    for (let index = task.dependsOn.length - 1; index >= 0; index -= 1) {
      if (!this.taskRuns.get(task.dependsOn[index])!.isTerminal) return false;
    }
    return true;
  }

  private decide(task: TaskSpec, taskRun: TaskRun, upstream: readonly TaskRun[], now: Date): TaskDispatch[] {
    if (upstream.some((run) => blocksDownstream(run.state))) {
      taskRun.markUpstreamFailed(now);
      return [];
    }
    // A task reached only through skipped tasks is skipped with them: "exclusive downstream".
    if (upstream.length > 0 && upstream.every((run) => run.state === 'skipped')) {
      taskRun.skip(now);
      return [];
    }
    try {
      const scope = this.scope.forTask(task);
      if (task.when !== undefined && !isTruthy(task.when.evaluate(scope))) {
        taskRun.skip(now);
        return [];
      }
      if (task.forEach !== undefined) return this.fanOut(task, taskRun, task.forEach.evaluate(scope), now);
      return [this.queue(taskRun, task.params.render(scope), now)];
    } catch (error) {
      this.failUnstarted(taskRun, (error as Error).message, now);
      return [];
    }
  }

  private fanOut(task: TaskSpec, parent: TaskRun, items: JsonValue, now: Date): TaskDispatch[] {
    if (!Array.isArray(items)) throw new TypeError('forEach must evaluate to a list');
    if (items.length > MAX_FAN_OUT_ITEMS) throw new RangeError(`forEach gave more than ${MAX_FAN_OUT_ITEMS} items`);
    parent.expand(items.length, now);
    const dispatches = items.map((item, index) => {
      const child = TaskRun.pendingItem(task.id, index, item);
      this.taskRuns.set(child.key, child);
      try {
        return [this.queue(child, task.params.render(this.scope.forTask(task, item)), now)];
      } catch (error) {
        this.failUnstarted(child, (error as Error).message, now);
        return [];
      }
    });
    this.settleFanOut(task.id, now);
    return dispatches.flat();
  }

  private queue(taskRun: TaskRun, input: JsonValue, now: Date): TaskDispatch {
    const gate = this.scope.spec.task(taskRun.taskId).type === APPROVAL_TASK_TYPE;
    taskRun.queue(input, now, gate);
    const dispatch = this.dispatchOf(taskRun, 0);
    if (gate) {
      const { key, attempt } = taskRun;
      this.record({ name: 'approval-requested', occurredAt: now, runId: this.runId, key, attempt, input });
    }
    return dispatch;
  }

  private cacheKey(task: TaskSpec, taskRun: TaskRun, input: JsonValue): string {
    if (task.cache?.key === undefined) return defaultCacheKey(task.type, input, this.scope.upstreamOutputs(task));
    return explicitCacheKey(task.type, asText(task.cache.key.render(this.scope.forTask(task, taskRun.item))));
  }
}
