export interface ArchiveModelVersionCommand {
  readonly versionId: string;
}
