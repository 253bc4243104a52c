export interface ListBatchPredictionsQuery {
  readonly deploymentId: string;
}
