import type { FieldProblem } from '@libs/ddd';
import type { DefinitionSpec } from './definition-spec.js';

/**
 * Expressions may read only upstream tasks (whose outputs exist by the time the task runs), and
 * `item` only where a fan-out defines it: in the params and cache key of a task with `forEach`.
 */
export function referenceProblems(spec: DefinitionSpec, acyclic: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  spec.tasks.forEach((task, index) => {
    const read = task.readsTasks;
    // In a cyclic graph "upstream" means nothing; the cycle itself is already reported.
    const upstream = acyclic && read.size > 0 ? spec.graph.upstreamAmong(task.id, read) : read;
    for (const { field, references } of task.referencesByField) {
      const at = `tasks[${index}].${field}`;
      for (const id of references.tasks) {
        if (!spec.graph.has(id)) problems.push({ field: at, message: `reads tasks.${id}, which is not a task` });
        else if (!upstream.has(id)) {
          problems.push({
            field: at,
            message: `reads tasks.${id}, which is not upstream of '${task.id}'; add it to dependsOn`,
          });
        }
      }
      const itemDefined = task.forEach !== undefined && (field === 'params' || field === 'cache.key');
      if (references.usesItem && !itemDefined) {
        problems.push({ field: at, message: 'item is defined only in params and cache.key of a task with forEach' });
      }
    }
  });
  spec.triggers.forEach((trigger, index) => {
    const references = trigger.filter?.references;
    if (references && (references.tasks.size > 0 || references.usesItem)) {
      problems.push({ field: `triggers[${index}].filter`, message: 'a trigger filter reads only trigger and params' });
    }
  });
  return problems;
}
