export interface SnapshotTableSourceCommand {
  readonly datasetId: string;
  /** The configured name of the table source. */
  readonly source: string;
  /** One read-only SELECT (or WITH ... SELECT) statement. */
  readonly query: string;
  readonly actorId: string;
}
