/** For the access guard: the project of `/deployments/{id}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfDeployment {
  abstract projectOf(deploymentId: string): Promise<string | undefined>;
}
