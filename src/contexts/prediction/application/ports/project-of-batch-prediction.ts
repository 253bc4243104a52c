/** For the access guard: the project of `/batch-predictions/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfBatchPrediction {
  abstract projectOf(batchPredictionId: string): Promise<string | undefined>;
}
