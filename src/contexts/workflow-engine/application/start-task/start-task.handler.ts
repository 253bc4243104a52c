import { Injectable } from '@nestjs/common';
import { TaskAttempts } from '../services/task-attempts.js';
import type { StartTaskCommand, TaskExecution } from './start-task.command.js';

/**
 * Marks the attempt a job names as running and answers what to execute, or undefined when the job
 * is stale or a cache hit settled the task instead.
 */
@Injectable()
export class StartTaskHandler {
  constructor(private readonly attempts: TaskAttempts) {}

  execute({ attempt, logged }: StartTaskCommand): Promise<TaskExecution | undefined> {
    return this.attempts.start(attempt, { logged });
  }
}
