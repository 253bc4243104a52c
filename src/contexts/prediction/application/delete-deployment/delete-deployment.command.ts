export interface DeleteDeploymentCommand {
  readonly deploymentId: string;
  readonly actorId: string;
}
