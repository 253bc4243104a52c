export interface ListDeploymentsQuery {
  readonly projectId: string;
}
