import type { TaskDispatch } from '../../domain/run/task-dispatch.js';

/** Names one attempt of one task run: what a job carries and what its id is made of. */
export interface TaskAttempt {
  readonly runId: string;
  readonly key: string;
  readonly attempt: number;
}

/** An attempt to look for, with the named task queue (WORKFLOW_TASK_QUEUES) its task chose, if any. */
export interface AttemptOnQueue extends TaskAttempt {
  /** Its job may wait there although this process does not list the queue: another worker does. */
  readonly queue?: string;
}

/**
 * Port: hands task runs to executors. Enqueueing one attempt twice is harmless (one job per attempt),
 * so the orchestrator and the reconciler may both do it.
 */
export abstract class TaskQueue {
  abstract enqueue(dispatches: readonly TaskDispatch[]): Promise<void>;
  /** The attempts among `attempts` that no waiting, delayed or active job stands for. */
  abstract withoutJob<T extends AttemptOnQueue>(attempts: readonly T[]): Promise<T[]>;
}
