import type { TaskAttempt } from '../../application/ports/task-queue.js';

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
