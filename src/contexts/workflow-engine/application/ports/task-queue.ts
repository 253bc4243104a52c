import type { TaskDispatch } from '../../domain/run/task-dispatch.js';

/** Names one attempt of one task run: what a job carries and what its id is made of. */
export interface TaskAttempt {
  readonly runId: string;
  readonly key: string;
  readonly attempt: number;
}

/**
 * Port: hands task runs to executors. Enqueueing one attempt twice is harmless (one job per attempt),
 * so the orchestrator and the reconciler may both do it.
 */
export abstract class TaskQueue {
  abstract enqueue(dispatches: readonly TaskDispatch[]): Promise<void>;
  /** The attempts among `attempts` that no waiting, delayed or active job stands for. */
  abstract withoutJob(attempts: readonly TaskAttempt[]): Promise<TaskAttempt[]>;
}
