export interface GetPredictionQuery {
  readonly predictionId: string;
}
