import type { Schemas } from '../api/client';
import type { DagTask } from './dag-layout';

/** The DAG of a workflow definition: each task and the tasks it waits for. */
export function tasksOfDefinition(definition: Schemas['WorkflowDefinition']): DagTask[] {
  return definition.tasks.map((task) => ({ id: task.id, dependsOn: task.dependsOn ?? [] }));
}
