/** An alias of a model now names `versionId`; it named `previousVersionId` before, if anything. */
export interface RecordAliasMoveCommand {
  readonly projectId: string;
  readonly alias: string;
  readonly versionId: string;
  readonly previousVersionId: string | null;
  readonly aliasVersion: number;
  readonly at: string;
}
