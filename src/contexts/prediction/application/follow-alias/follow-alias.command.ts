/** The registry moved an alias of a project's model: the deployments following it re-pin. */
export interface FollowAliasCommand {
  readonly projectId: string;
  readonly alias: string;
  readonly at: Date;
}
