import type { DefinitionSpec } from '../definition/definition-spec.js';
import type { TaskSpec } from '../definition/task-spec.js';
import type { ExpressionScope } from '../expression/expression-evaluator.js';
import type { JsonObject, JsonValue } from '../json-value.js';
import { triggerScope } from './run-trigger.js';
import type { TaskRun } from './task-run.js';

/** Which run, of which workflow: `${{ run.id }}` lets a task name its run to the outside world. */
export interface RunIdentity {
  readonly id: string;
  readonly workflowId: string;
}

/**
 * What a run's expressions can see: its params, its trigger, its task runs' outputs, and `run` (the
 * run's id and workflow, and `run.task`, the id of the task being rendered).
 */
export class RunScope {
  constructor(
    readonly run: RunIdentity,
    readonly spec: DefinitionSpec,
    readonly params: JsonObject,
    readonly trigger: JsonValue,
    readonly taskRuns: ReadonlyMap<string, TaskRun>,
  ) {}

  /** The scope of one task: only the tasks it reads are exposed (validation made sure they are upstream). */
  forTask(task: TaskSpec, item?: JsonValue): ExpressionScope {
    const tasks = Object.fromEntries(
      [...task.readsTasks].map((id) => [id, { outputs: this.taskRuns.get(id)?.outputs ?? null }]),
    );
    const run = { ...this.run, task: task.id };
    const scope = { params: this.params, trigger: triggerScope(this.trigger), tasks, run };
    return item === undefined ? scope : { ...scope, item };
  }

  /** The outputs of the tasks `task` depends on, by task id: part of its default cache key. */
  upstreamOutputs(task: TaskSpec): JsonObject {
    return Object.fromEntries(task.dependsOn.map((id) => [id, this.taskRuns.get(id)?.outputs ?? null]));
  }
}
