/** The registry moved an alias of a project's model: the deployments following it re-pin. */
export interface FollowAliasCommand {
  readonly projectId: string;
  readonly alias: string;
  /** The version the alias left, if any: its cached answers go, whichever deployments served it. */
  readonly previousVersionId?: string | null;
  readonly at: Date;
}
