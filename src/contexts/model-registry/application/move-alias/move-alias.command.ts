export interface MoveAliasCommand {
  readonly modelId: string;
  readonly alias: string;
  readonly versionId: string;
  /**
   * The alias version from If-Match. Absent: the alias must not exist yet (creating it); present:
   * it must still be at this version. Either way a concurrent move makes this one fail, never vanish.
   */
  readonly expectedVersion?: number;
  readonly actorId: string;
}
