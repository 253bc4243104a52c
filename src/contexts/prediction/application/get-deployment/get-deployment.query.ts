export interface GetDeploymentQuery {
  readonly deploymentId: string;
}
