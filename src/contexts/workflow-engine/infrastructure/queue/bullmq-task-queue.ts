import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { carriedContext } from '@libs/platform';
import { TaskQueue, type AttemptOnQueue } from '../../application/ports/task-queue.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { TaskTypeQueues } from './task-type-queues.js';
import { TASK_QUEUE, type TaskJobData } from '../../application/ports/task-job-queues.js';
import { bullPriority, taskJobId } from './task-jobs.js';

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

/**
 * Task runs as BullMQ jobs: noop, sleep and http on the engine's task queue, `workflow` on its
 * child-run queue, contributed types on their context's queue.
 */
@Injectable()
export class BullMqTaskQueue extends TaskQueue {
  constructor(
    @InjectQueue(TASK_QUEUE) private readonly queue: Queue<TaskJobData>,
    private readonly others: TaskTypeQueues,
  ) {
    super();
  }

  async enqueue(dispatches: readonly TaskDispatch[]): Promise<void> {
    const byQueue = new Map<Queue<TaskJobData>, TaskDispatch[]>();
    for (const dispatch of dispatches) {
      const named = dispatch.queue === undefined ? undefined : this.others.named(dispatch.queue);
      const queue = named ?? this.others.of(dispatch.type) ?? this.queue;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), dispatch]);
    }
    await Promise.all([...byQueue].map(([queue, ofQueue]) => add(queue, ofQueue)));
  }

  /**
   * An attempt's job may sit on any of the queues; its id is unique across them. A failed job (found
   * stalled more often than BullMQ allows, or its processor failed on every try) no longer stands for
   * its attempt but still holds the attempt's id, so enqueueing the attempt again would be a no-op and
   * the task would wait forever: it is removed here, and the reconciler's enqueue adds a new job.
   * A task's named queue is looked at even when this process does not list it: the job waiting there
   * for a worker that does is no orphan, and taking it as one ran the task beside its pool's slots.
   */
  async withoutJob<T extends AttemptOnQueue>(attempts: readonly T[]): Promise<T[]> {
    const known = [this.queue, ...this.others.all()];
    const live = await Promise.all(
      attempts.map(async (attempt) => {
        const queues =
          attempt.queue === undefined ? known : [...new Set([...known, this.others.namedAnywhere(attempt.queue)])];
        const id = taskJobId(attempt);
        const states = await Promise.all(queues.map((queue) => queue.getJobState(id)));
        if (states.some((state) => LIVE_STATES.has(state))) return true;
        await Promise.all(queues.filter((_, index) => states[index] === 'failed').map((queue) => queue.remove(id)));
        return false;
      }),
    );
    return attempts.filter((_, index) => !live[index]);
  }
}

/**
 * One job is one script call, as `add` makes it; several go in one round trip (`addBulk`, a MULTI,
 * which costs more for a single job). A chain's step adds one.
 */
async function add(queue: Queue<TaskJobData>, dispatches: readonly TaskDispatch[]): Promise<void> {
  const jobs = dispatches.map((dispatch) => jobOf(queue.name, dispatch));
  if (jobs.length === 1) await queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
  else await queue.addBulk(jobs);
}

function jobOf(queueName: string, dispatch: TaskDispatch) {
  const attempt = { runId: dispatch.runId, key: dispatch.key, attempt: dispatch.attempt };
  const context = carriedContext(queueName, dispatch.type);
  const data: TaskJobData = context === undefined ? attempt : { ...attempt, context };
  const opts: JobsOptions = { ...JOB_OPTIONS, jobId: taskJobId(attempt), priority: bullPriority(dispatch.priority) };
  if (dispatch.delayMs > 0) opts.delay = dispatch.delayMs;
  return { name: dispatch.type, data, opts };
}
