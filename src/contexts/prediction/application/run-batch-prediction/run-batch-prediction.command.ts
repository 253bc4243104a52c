/** A worker's turn at a batch prediction: from its first chunk not done to its output version. */
export interface RunBatchPredictionCommand {
  readonly batchPredictionId: string;
  /** The queue will not try again: a failure of the platform fails the job rather than leave it running. */
  readonly lastTry: boolean;
}
