import type { TaskDispatch } from '../../../src/contexts/workflow-engine/domain/run/task-dispatch.js';
import {
  TaskQueue,
  type AttemptOnQueue,
  type TaskAttempt,
} from '../../../src/contexts/workflow-engine/application/ports/task-queue.js';
import { settled } from '../model-registry/settled.js';

const jobId = ({ runId, key, attempt }: TaskAttempt): string => `${runId}:${key}:${attempt}`;

/**
 * The task queue in memory: one job per attempt, as BullMQ's job ids make it. `enqueued` keeps every
 * dispatch handed over, in order; `loseJobs` empties the queue as a Redis restart without
 * persistence would; `failing` makes enqueueing throw, as an unreachable Redis does, and `hold` makes
 * it wait until that promise settles, as a slow one does.
 */
export class RecordingTaskQueue extends TaskQueue {
  readonly enqueued: TaskDispatch[] = [];
  private readonly jobs = new Set<string>();
  failing = false;
  hold?: Promise<void>;

  async enqueue(dispatches: readonly TaskDispatch[]): Promise<void> {
    await this.hold;
    return settled(() => {
      if (this.failing) throw new Error('the queue is unreachable');
      this.enqueued.push(...dispatches);
      for (const dispatch of dispatches) this.jobs.add(jobId(dispatch));
    });
  }

  withoutJob<T extends AttemptOnQueue>(attempts: readonly T[]): Promise<T[]> {
    return settled(() => attempts.filter((attempt) => !this.jobs.has(jobId(attempt))));
  }

  loseJobs(): void {
    this.jobs.clear();
  }

  /** The keys of the dispatches handed over, in order, as `key#attempt`. */
  keys(): string[] {
    return this.enqueued.map((dispatch) => `${dispatch.key}#${dispatch.attempt}`);
  }
}
