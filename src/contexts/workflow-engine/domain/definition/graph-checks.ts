import type { FieldProblem } from '@libs/ddd';
import { isJsonObject } from '../json-value.js';
import { TaskGraph, type GraphNode } from './task-graph.js';
import type { TaskTypeCatalog } from './task-type.catalog.js';

interface RawTask extends GraphNode {
  readonly index: number;
  readonly type: unknown;
}

/** Reported cycles are capped: one broken edge can close many cycles, and the first few say enough. */
const MAX_CYCLES_REPORTED = 20;

/**
 * The DAG rules: unique ids, known dependencies, no cycles, known task types. They read the raw
 * document defensively so they run even when its shape has problems elsewhere, and every problem
 * of both kinds is reported at once.
 */
export function graphProblems(raw: unknown, catalog: TaskTypeCatalog): { problems: FieldProblem[]; acyclic: boolean } {
  const tasks = rawTasks(raw);
  const problems: FieldProblem[] = [];
  const firstIndex = new Map<string, number>();
  for (const task of tasks) {
    const first = firstIndex.get(task.id);
    if (first === undefined) firstIndex.set(task.id, task.index);
    else
      problems.push({
        field: `tasks[${task.index}].id`,
        message: `duplicate task id '${task.id}' (first at tasks[${first}])`,
      });
    if (typeof task.type === 'string' && catalog.find(task.type) === undefined) {
      problems.push({ field: `tasks[${task.index}].type`, message: `unknown task type '${task.type}'` });
    }
  }
  for (const task of tasks) {
    task.dependsOn.forEach((dependency, position) => {
      if (!firstIndex.has(dependency)) {
        problems.push({
          field: `tasks[${task.index}].dependsOn[${position}]`,
          message: `task '${task.id}' depends on unknown task '${dependency}'`,
        });
      }
    });
  }
  const cycles = new TaskGraph(tasks).cycles();
  for (const cycle of cycles.slice(0, MAX_CYCLES_REPORTED)) {
    const closer = cycle[cycle.length - 2];
    const index = firstIndex.get(closer)!;
    const position = tasks.find((task) => task.index === index)!.dependsOn.indexOf(cycle[cycle.length - 1]);
    const field = position === -1 ? `tasks[${index}].dependsOn` : `tasks[${index}].dependsOn[${position}]`;
    problems.push({ field, message: `dependency cycle: ${cycle.join(' -> ')}` });
  }
  return { problems, acyclic: cycles.length === 0 };
}

/** The tasks that have a string id, with whatever string dependencies they list. */
function rawTasks(raw: unknown): RawTask[] {
  if (!isJsonObject(raw) || !Array.isArray(raw.tasks)) return [];
  return raw.tasks.flatMap((task, index) => {
    if (!isJsonObject(task) || typeof task.id !== 'string') return [];
    const dependsOn = Array.isArray(task.dependsOn)
      ? task.dependsOn.filter((dependency): dependency is string => typeof dependency === 'string')
      : [];
    return [{ id: task.id, dependsOn, type: task.type, index }];
  });
}
