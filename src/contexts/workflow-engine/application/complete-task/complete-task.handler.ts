import { Injectable } from '@nestjs/common';
import { TaskCache } from '../ports/task-cache.js';
import { RunChanges } from '../services/run-changes.js';
import type { CompleteTaskCommand } from './complete-task.command.js';

/**
 * Records a task run's outputs and enqueues what they unblock. The attempt is the fencing token: a
 * report for a superseded attempt throws StaleAttempt and changes nothing.
 */
@Injectable()
export class CompleteTaskHandler {
  constructor(
    private readonly changes: RunChanges,
    private readonly cache: TaskCache,
  ) {}

  execute({ attempt: reported, outputs, logged }: CompleteTaskCommand): Promise<void> {
    const { runId, key, attempt } = reported;
    return this.changes.apply(runId, async (run, now) => {
      const cache = run.currentDispatch(key).cache;
      const dispatches = run.completeTask(key, attempt, outputs, now);
      if (cache) await this.cache.store(run.pinned.projectId, cache.key, outputs, cache.ttlSeconds);
      return { dispatches, value: undefined, logs: logged ? [{ key, attempt, lines: ['succeeded'] }] : [] };
    });
  }
}
