export interface GetProjectObjectQuery {
  readonly projectId: string;
  /** The caller's key, under the project. */
  readonly key: string;
}
