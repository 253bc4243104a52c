export interface GetBatchPredictionQuery {
  readonly batchPredictionId: string;
}
