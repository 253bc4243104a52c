/** A person retries a failed task of a run; what did not run because of it gets its chance again. */
export interface RetryTaskCommand {
  readonly runId: string;
  /** The task run key: a task id, or `task[2]` for one item of a fan-out. */
  readonly key: string;
}
