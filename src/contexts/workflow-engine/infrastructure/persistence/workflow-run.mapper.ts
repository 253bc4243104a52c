import type { JsonObject, JsonValue } from '../../domain/json-value.js';
import type { RunState, RunTransition } from '../../domain/run/run-state.js';
import { isTerminal, type TaskRunState, type TaskTransition } from '../../domain/run/task-run-state.js';
import type { TaskRunSnapshot } from '../../domain/run/task-run.js';
import type { WorkflowRunSnapshot } from '../../domain/run/workflow-run.js';

/** A `runs` row as the repository reads it. */
export interface RunRow {
  id: string;
  workflow_id: string;
  workflow_version: number;
  project_id: string;
  state: RunState;
  params: JsonObject;
  trigger: JsonValue;
  rerun_of: string | null;
  actor_id: string | null;
  created_at: Date;
  version: number;
}

/** A `task_runs` row; written as JSON records, so times travel as ISO strings. */
export interface TaskRunRow {
  key: string;
  task_id: string;
  item_index: number | null;
  item: JsonValue | null;
  items: number | null;
  state: TaskRunState;
  attempt: number;
  input: JsonValue | null;
  outputs: JsonValue | null;
  error: string | null;
  retry_at: Date | string | null;
  reused_from: 'cache' | 'previous-run' | null;
  started_at?: Date | string | null;
  finished_at?: Date | string | null;
}

/** A `transitions` row: the run's own when `task_run_key` is null. */
export interface TransitionRow {
  task_run_key: string | null;
  from_state: string;
  to_state: string;
  attempt: number | null;
  reason: string | null;
  at: Date | string;
}

export function toRunSnapshot(
  run: RunRow,
  taskRuns: readonly TaskRunRow[],
  transitions: readonly TransitionRow[],
): WorkflowRunSnapshot {
  const byTaskRun = new Map<string, TaskTransition[]>();
  const own: RunTransition[] = [];
  for (const row of transitions) {
    const at = new Date(row.at);
    if (row.task_run_key === null) {
      own.push({
        from: row.from_state as RunState,
        to: row.to_state as RunState,
        at,
        ...(row.reason !== null && { reason: row.reason }),
      });
      continue;
    }
    const list = byTaskRun.get(row.task_run_key) ?? [];
    list.push({
      from: row.from_state as TaskRunState,
      to: row.to_state as TaskRunState,
      at,
      attempt: row.attempt ?? 0,
    });
    byTaskRun.set(row.task_run_key, list);
  }
  return {
    id: run.id,
    state: run.state,
    params: run.params,
    trigger: run.trigger,
    ...(run.rerun_of !== null && { rerunOf: run.rerun_of }),
    ...(run.actor_id !== null && { actorId: run.actor_id }),
    createdAt: run.created_at,
    transitions: own,
    taskRuns: taskRuns.map((row) => toTaskRunSnapshot(row, byTaskRun.get(row.key) ?? [])),
  };
}

function toTaskRunSnapshot(row: TaskRunRow, transitions: TaskTransition[]): TaskRunSnapshot {
  return {
    key: row.key,
    taskId: row.task_id,
    ...(row.item_index !== null && { itemIndex: row.item_index, item: row.item }),
    ...(row.items !== null && { items: row.items }),
    state: row.state,
    attempt: row.attempt,
    ...(row.input !== null && { input: row.input }),
    ...(row.outputs !== null && { outputs: row.outputs }),
    ...(row.error !== null && { error: row.error }),
    ...(row.retry_at !== null && { retryAt: new Date(row.retry_at) }),
    ...(row.reused_from !== null && { reusedFrom: row.reused_from }),
    transitions,
  };
}

export function toTaskRunRow(taskRun: TaskRunSnapshot): TaskRunRow {
  const started = taskRun.transitions.findLast((transition) => transition.to === 'running');
  const finished = isTerminal(taskRun.state) ? taskRun.transitions.at(-1) : undefined;
  return {
    key: taskRun.key,
    task_id: taskRun.taskId,
    item_index: taskRun.itemIndex ?? null,
    item: taskRun.itemIndex === undefined ? null : (taskRun.item ?? null),
    items: taskRun.items ?? null,
    state: taskRun.state,
    attempt: taskRun.attempt,
    input: taskRun.input ?? null,
    outputs: taskRun.outputs ?? null,
    error: taskRun.error ?? null,
    retry_at: taskRun.retryAt?.toISOString() ?? null,
    reused_from: taskRun.reusedFrom ?? null,
    started_at: started?.at.toISOString() ?? null,
    finished_at: finished?.at.toISOString() ?? null,
  };
}

export function toTransitionRows(
  key: string | null,
  transitions: readonly (RunTransition | TaskTransition)[],
): TransitionRow[] {
  return transitions.map((transition) => ({
    task_run_key: key,
    from_state: transition.from,
    to_state: transition.to,
    attempt: 'attempt' in transition ? transition.attempt : null,
    reason: 'reason' in transition ? (transition.reason ?? null) : null,
    at: transition.at.toISOString(),
  }));
}
