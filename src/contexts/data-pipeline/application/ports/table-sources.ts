import type { SnapshotQuery } from '../../domain/table-source/snapshot-query.js';
import type { VersionBody } from '../upload-dataset-version/upload-dataset-version.command.js';

export interface SnapshotRequest {
  /** A configured source's name; its connection string never leaves the adapter. */
  readonly source: string;
  readonly query: SnapshotQuery;
  /** The snapshot is refused (SnapshotTooLarge) once its rows take more bytes than this. */
  readonly maxBytes: number;
}

/** A snapshot's rows as a local Parquet file, there until the work settles. */
export interface SnapshotFile {
  /** Where the Parquet file lies, for an engine to read in place. */
  readonly path: string;
  readonly sizeBytes: number;
  read(): VersionBody;
}

/**
 * Port: the external databases configured as table sources (issue 12 item 1). A snapshot runs the
 * query read-only with the configured statement timeout and lands as a local Parquet file, the
 * engine's types mapped to the dataset column types. Throws TableSourceUnknown, SnapshotQueryRefused,
 * SnapshotQueryTimedOut, SnapshotTooLarge or TableSourceUnavailable.
 */
export abstract class TableSources {
  /** The configured names, sorted. */
  abstract names(): readonly string[];
  abstract withSnapshot<T>(request: SnapshotRequest, work: (file: SnapshotFile) => Promise<T>): Promise<T>;
}
