import { Injectable } from '@nestjs/common';
import { TaskAttempts } from '../services/task-attempts.js';
import type { FailTaskCommand } from './fail-task.command.js';

/**
 * Records a failed attempt: the task retries as its policy says, or its failure propagates
 * downstream. Stale attempts are refused (StaleAttempt).
 */
@Injectable()
export class FailTaskHandler {
  constructor(private readonly attempts: TaskAttempts) {}

  execute({ attempt, error, logged, retryable, startedAt }: FailTaskCommand): Promise<void> {
    return this.attempts.fail(attempt, error, { logged, retryable, ...(startedAt && { startedAt }) });
  }
}
