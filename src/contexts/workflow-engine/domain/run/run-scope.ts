import type { DefinitionSpec } from '../definition/definition-spec.js';
import type { TaskSpec } from '../definition/task-spec.js';
import type { ExpressionScope } from '../expression/expression-evaluator.js';
import type { JsonObject, JsonValue } from '../json-value.js';
import { triggerScope } from './run-trigger.js';
import type { TaskRun } from './task-run.js';

/** What a run's expressions can see: its params, its trigger and its task runs' outputs. */
export class RunScope {
  constructor(
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
    const scope = { params: this.params, trigger: triggerScope(this.trigger), tasks };
    return item === undefined ? scope : { ...scope, item };
  }

  /** The outputs of the tasks `task` depends on, by task id: part of its default cache key. */
  upstreamOutputs(task: TaskSpec): JsonObject {
    return Object.fromEntries(task.dependsOn.map((id) => [id, this.taskRuns.get(id)?.outputs ?? null]));
  }
}
