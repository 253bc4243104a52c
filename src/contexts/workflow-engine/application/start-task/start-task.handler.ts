import { Injectable } from '@nestjs/common';
import { TaskAttempts } from '../services/task-attempts.js';
import type { StartTaskCommand, TaskExecution } from './start-task.command.js';

/**
 * Marks the attempt a job names as running and answers what to execute, or undefined when the job
 * is stale or a cache hit settled the task instead. On a first delivery the start is recorded with
 * the outcome (the execution's `startedAt`).
 */
@Injectable()
export class StartTaskHandler {
  constructor(private readonly attempts: TaskAttempts) {}

  execute({ attempt, logged, delivery }: StartTaskCommand): Promise<TaskExecution | undefined> {
    return this.attempts.start(attempt, { logged, ...(delivery && { delivery }) });
  }
}
