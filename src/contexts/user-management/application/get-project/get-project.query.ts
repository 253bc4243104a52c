export interface GetProjectQuery {
  readonly projectId: string;
}
