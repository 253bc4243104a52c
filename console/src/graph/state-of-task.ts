import type { Schemas } from '../api/client';

type TaskRun = Schemas['TaskRunResponse'];

/**
 * The state a DAG node shows for a task: a mapped task has one task run per item, and shows
 * succeeded only once every item has; otherwise the first item that has not.
 */
export function stateOfTask(taskRuns: readonly TaskRun[], taskId: string): TaskRun['state'] | undefined {
  const runs = taskRuns.filter((run) => run.taskId === taskId);
  if (runs.length === 0) return undefined;
  return (runs.find((run) => run.state !== 'succeeded') ?? runs[0]).state;
}
