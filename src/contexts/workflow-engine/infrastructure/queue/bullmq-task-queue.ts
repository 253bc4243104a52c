import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { TaskQueue, type TaskAttempt } from '../../application/ports/task-queue.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { bullPriority, TASK_QUEUE, taskJobId, type TaskJobData } from './task-jobs.js';

/** Job states in which a job still stands for its attempt: it will run, or is running. */
const LIVE_STATES = new Set(['waiting', 'waiting-children', 'delayed', 'prioritized', 'active']);

/**
 * Job options for failures of the processor itself (the database unreachable while reporting), not
 * of tasks: task failures are reported to the run, whose retry policy decides.
 */
const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

@Injectable()
export class BullMqTaskQueue extends TaskQueue {
  constructor(@InjectQueue(TASK_QUEUE) private readonly queue: Queue<TaskJobData>) {
    super();
  }

  async enqueue(dispatches: readonly TaskDispatch[]): Promise<void> {
    if (dispatches.length === 0) return;
    await this.queue.addBulk(
      dispatches.map((dispatch) => {
        const data = { runId: dispatch.runId, key: dispatch.key, attempt: dispatch.attempt };
        const opts: JobsOptions = { ...JOB_OPTIONS, jobId: taskJobId(data), priority: bullPriority(dispatch.priority) };
        if (dispatch.delayMs > 0) opts.delay = dispatch.delayMs;
        return { name: dispatch.type, data, opts };
      }),
    );
  }

  async withoutJob(attempts: readonly TaskAttempt[]): Promise<TaskAttempt[]> {
    const states = await Promise.all(attempts.map((attempt) => this.queue.getJobState(taskJobId(attempt))));
    return attempts.filter((_, index) => !LIVE_STATES.has(states[index]));
  }
}
