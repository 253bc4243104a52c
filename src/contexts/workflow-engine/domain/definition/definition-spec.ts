import type { FieldProblem } from '@libs/ddd';
import { Expression } from '../expression/expression.js';
import type { JsonObject } from '../json-value.js';
import { ConcurrencyPolicy } from './concurrency-policy.js';
import type { DefinitionDocument } from './definition-document.js';
import { Schedule } from './schedule.js';
import { TaskGraph } from './task-graph.js';
import { TaskSpec } from './task-spec.js';
import { triggerEventProblem } from './trigger-sources.js';

export interface TriggerSpec {
  readonly event: string;
  /** Evaluated against `trigger.payload`; the run starts only when it is truthy. */
  readonly filter?: Expression;
}

/** A workflow definition with its expressions parsed and its DAG built: what a version holds. */
export class DefinitionSpec {
  private readonly byId: ReadonlyMap<string, TaskSpec>;

  private constructor(
    readonly document: DefinitionDocument,
    readonly tasks: readonly TaskSpec[],
    readonly triggers: readonly TriggerSpec[],
  ) {
    this.byId = new Map(tasks.map((task) => [task.id, task]));
    this.graph = new TaskGraph(tasks);
    this.concurrency = ConcurrencyPolicy.from(document.concurrency);
    this.schedule = document.schedule && Schedule.from(document.schedule);
  }

  readonly graph: TaskGraph;
  readonly concurrency: ConcurrencyPolicy;
  readonly schedule: Schedule | undefined;

  /** Builds the spec from a document of the right shape; expressions that do not parse are problems. */
  static build(document: DefinitionDocument): { spec: DefinitionSpec; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const tasks = document.tasks.map((task, index) => {
      const built = TaskSpec.build(task, ['tasks', index]);
      problems.push(...built.problems);
      return built.task;
    });
    const triggers = (document.triggers ?? []).map((trigger, index): TriggerSpec => {
      const eventProblem = triggerEventProblem(trigger.event);
      if (eventProblem !== undefined) problems.push({ field: `triggers[${index}].event`, message: eventProblem });
      if (trigger.filter === undefined) return { event: trigger.event };
      try {
        return { event: trigger.event, filter: Expression.parseField(trigger.filter) };
      } catch (error) {
        problems.push({ field: `triggers[${index}].filter`, message: (error as Error).message });
        return { event: trigger.event };
      }
    });
    return { spec: new DefinitionSpec(document, tasks, triggers), problems };
  }

  get name(): string {
    return this.document.name;
  }

  get paramsSchema(): JsonObject | undefined {
    return this.document.params;
  }

  task(id: string): TaskSpec {
    const task = this.byId.get(id);
    if (task === undefined) throw new RangeError(`task ${id} is not part of this definition`);
    return task;
  }

  /** Execution layers: each task after every task it depends on. */
  layers(): string[][] {
    this.memoLayers ??= this.graph.layers();
    return this.memoLayers;
  }

  private memoLayers: string[][] | undefined;
}
