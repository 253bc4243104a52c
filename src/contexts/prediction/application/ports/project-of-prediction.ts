/** For the access guard: the project of `/predictions/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfPrediction {
  abstract projectOf(predictionId: string): Promise<string | undefined>;
}
