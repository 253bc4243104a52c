import type { CarriedContext } from '@libs/platform';
import type { TaskAttempt } from '../../application/ports/task-queue.js';

/** The queue the built-in executors listen on (CONVENTIONS: `<context>.<purpose>`). */
export const TASK_QUEUE = 'workflow-engine.tasks';

/** The queue of a named task queue (WORKFLOW_TASK_QUEUES), beside the default one. */
export const namedTaskQueue = (name: string): string => `${TASK_QUEUE}.${name}`;

/** The queue of `workflow` tasks, whose job is to start a child run. */
export const CHILD_RUN_QUEUE = 'workflow-engine.child-runs';

/** One hash tag for every key of the context's queues, so Redis Cluster keeps them in one slot. */
export const QUEUE_PREFIX = '{workflow-engine}';

/**
 * What a job carries: ids and the attempt number, never state (PostgreSQL is the record), and the
 * trace and correlation of the change that enqueued it, so a whole run is one trace.
 */
export type TaskJobData = TaskAttempt & { readonly context?: CarriedContext };

/** One job per attempt: enqueueing an attempt again finds the job already there. */
export function taskJobId({ runId, key, attempt }: TaskAttempt): string {
  return `${runId}:${key}:${attempt}`;
}

/**
 * Definitions rank tasks 1 to 10, higher first (as Airflow's priority weights do); BullMQ runs its
 * lowest priority number first, so the scale is turned around.
 */
export function bullPriority(priority: number): number {
  return 11 - priority;
}
