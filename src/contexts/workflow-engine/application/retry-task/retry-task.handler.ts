import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { RunChanges } from '../services/run-changes.js';
import type { RetryTaskCommand } from './retry-task.command.js';

/** Retries a failed task run by hand, under a new attempt; a run that had failed runs again. */
@Injectable()
export class RetryTaskHandler {
  constructor(private readonly changes: RunChanges) {}

  execute({ runId, key }: RetryTaskCommand): Promise<void> {
    return this.changes.apply(runId, (run, now) => {
      if (!run.allTaskRuns().some((taskRun) => taskRun.key === key)) throw new NotFoundError('task run', key);
      return { dispatches: run.retryTask(key, now), value: undefined };
    });
  }
}
