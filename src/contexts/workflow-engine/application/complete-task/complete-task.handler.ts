import { Injectable } from '@nestjs/common';
import { TaskAttempts } from '../services/task-attempts.js';
import type { CompleteTaskCommand } from './complete-task.command.js';

/**
 * Records a task run's outputs and enqueues what they unblock. The attempt is the fencing token: a
 * report for a superseded attempt throws StaleAttempt and changes nothing.
 */
@Injectable()
export class CompleteTaskHandler {
  constructor(private readonly attempts: TaskAttempts) {}

  execute({ attempt, outputs, logged, startedAt }: CompleteTaskCommand): Promise<void> {
    return this.attempts.complete(attempt, outputs, { logged, ...(startedAt && { startedAt }) });
  }
}
