export interface GetExperimentQuery {
  readonly deploymentId: string;
}
