/** The deployments, of every project, whose experiment may promote its winner. */
export abstract class PromotingDeployments {
  abstract ids(): Promise<string[]>;
}
