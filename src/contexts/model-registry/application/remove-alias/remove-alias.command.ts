export interface RemoveAliasCommand {
  readonly modelId: string;
  readonly alias: string;
  /** From If-Match: the alias must still be at this version. */
  readonly expectedVersion: number;
}
