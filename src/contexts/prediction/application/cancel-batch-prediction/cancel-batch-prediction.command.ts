export interface CancelBatchPredictionCommand {
  readonly batchPredictionId: string;
  readonly actorId: string;
}
