/** A reconciler's round asks for nothing: the task runs without a job now are the work. */
export type ReconcileRunsCommand = Readonly<Record<string, never>>;

export interface Reconciliation {
  /** Queued or retrying task runs given their job again. */
  readonly requeued: number;
  /** Running task runs whose job was gone, moved to a new attempt. */
  readonly reassigned: number;
}
