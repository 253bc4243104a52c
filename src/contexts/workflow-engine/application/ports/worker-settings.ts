/** Port: the concurrency and timing of this process's workers, read from the environment by infrastructure. */
export abstract class WorkerSettings {
  /** Task runs one worker process executes at once. */
  abstract readonly taskConcurrency: number;
  /** How often the reconciler compares the database with the queue; 0 runs it at start only. */
  abstract readonly reconcileIntervalMs: number;
  /**
   * How long a running task's job lock lasts without renewal (renewed at half of it), and how often
   * workers look for jobs whose lock ran out: a frozen or cut-off worker loses its task to another
   * worker after about twice this, and the task goes on under a new attempt.
   */
  abstract readonly taskLockMs: number;
  /** How often each worker looks for due schedules; a slot fires at most this late. */
  abstract readonly schedulePollMs: number;
  /**
   * Named task queues with a concurrency of their own per worker process (Airflow's pools): a task
   * with `queue: gpu` waits for a slot of `gpu`, whatever the default queue is doing.
   */
  abstract readonly taskQueues: ReadonlyMap<string, number>;
}
