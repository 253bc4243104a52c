/** Port: tells the attempts this process executes that their run was cancelled, wherever that happened. */
export abstract class RunCancellationSignals {
  /** A signal that aborts when `runId` is cancelled, while `work` runs. */
  abstract whileRunning<T>(runId: string, work: (cancelled: AbortSignal) => Promise<T>): Promise<T>;
}
