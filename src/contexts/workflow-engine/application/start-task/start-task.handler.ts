import { Injectable } from '@nestjs/common';
import { isFinished } from '../../domain/run/run-state.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { TaskCache } from '../ports/task-cache.js';
import { RunChanges, type RunChange } from '../services/run-changes.js';
import type { StartTaskCommand, TaskExecution } from './start-task.command.js';

const NOTHING_TO_RUN: RunChange<undefined> = { dispatches: [], value: undefined, unchanged: true };

/**
 * Marks the attempt a job names as running and answers what to execute, or undefined when the job
 * is stale (the attempt was superseded, the run ended) or a cache hit settled the task instead. A
 * job for an attempt that is already running was redelivered after its worker stalled or vanished:
 * the task moves to a new attempt, which fences out the old worker's report.
 */
@Injectable()
export class StartTaskHandler {
  constructor(
    private readonly changes: RunChanges,
    private readonly cache: TaskCache,
  ) {}

  execute({ attempt: started, logged }: StartTaskCommand): Promise<TaskExecution | undefined> {
    const { runId, key, attempt } = started;
    return this.changes.apply(runId, async (run, now): Promise<RunChange<TaskExecution | undefined>> => {
      const taskRun = run.allTaskRuns().find((candidate) => candidate.key === key);
      if (isFinished(run.state) || taskRun === undefined || taskRun.attempt !== attempt) return NOTHING_TO_RUN;
      if (taskRun.state === 'running')
        return { dispatches: run.reassignTask(key, now, Math.random()), value: undefined };
      if (taskRun.state !== 'queued' && taskRun.state !== 'retrying') return NOTHING_TO_RUN;
      const dispatch = run.currentDispatch(key);
      // A retry already missed the cache on its first attempt.
      const cached =
        dispatch.cache && taskRun.state === 'queued'
          ? await this.cache.lookup(run.pinned.projectId, dispatch.cache.key)
          : undefined;
      if (cached !== undefined) return { dispatches: run.completeFromCache(key, cached, now), value: undefined };
      run.startTask(key, attempt, now);
      const logs = logged ? [{ key, attempt, lines: [`started ${dispatch.type} task, attempt ${attempt}`] }] : [];
      return { dispatches: [], value: this.execution(run, key), logs };
    });
  }

  private execution(run: WorkflowRun, key: string): TaskExecution {
    const { workflowId, projectId } = run.pinned;
    const actor = run.actorId === undefined ? {} : { actorId: run.actorId };
    return { dispatch: run.currentDispatch(key), workflowId, projectId, ...actor };
  }
}
