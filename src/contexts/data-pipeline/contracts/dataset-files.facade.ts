import type { Readable } from 'node:stream';

/** A dataset version of a project, as another context reads it: what it holds, before its rows. */
export interface DatasetVersionSummary {
  readonly versionId: string;
  readonly datasetId: string;
  readonly rowCount: number;
  /** The column names the file holds, in its order. */
  readonly columns: readonly string[];
}

/** A version's rows, held ready for reading by position while the work given to `withRowsOf` runs. */
export interface VersionRows {
  readonly summary: DatasetVersionSummary;
  /**
   * Up to `limit` rows from the 0-based position `offset`, in the file's order, as plain JSON values
   * (integers beyond 2^53 as text, dates and times as ISO text). The order is the same on every
   * reading, so a reader that stops can go on from where it stopped.
   */
  read(offset: number, limit: number): Promise<Record<string, unknown>[]>;
}

/** A file another context produced, to become a new version of a dataset of the same project. */
export interface ProducedVersion {
  readonly projectId: string;
  readonly datasetId: string;
  /** JSON Lines, one row per line, columns by name; stored as Parquet of the dataset's declared types. */
  readonly body: Readable;
  /** The kind of work that produced it and that work's id (the version's producer). */
  readonly producer: { readonly kind: 'batch-prediction'; readonly runId: string; readonly actorId: string };
}

export interface RegisteredVersion {
  readonly versionId: string;
  readonly versionNumber: number;
  readonly rowCount: number;
}

/**
 * What other contexts may do with dataset files: read a version's rows and give back a produced
 * file as a new version, checked against the dataset's schema like any upload.
 */
export abstract class DatasetFiles {
  /** The version when it belongs to the project; undefined otherwise (another project's is unknown). */
  abstract summaryOf(projectId: string, versionId: string): Promise<DatasetVersionSummary | undefined>;
  /** Whether the dataset belongs to the project. */
  abstract hasDataset(projectId: string, datasetId: string): Promise<boolean>;
  /** Runs `work` with the version's rows at hand; refuses a version of another project as not found. */
  abstract withRowsOf<T>(projectId: string, versionId: string, work: (rows: VersionRows) => Promise<T>): Promise<T>;
  /**
   * Records the file as a Parquet version (columnar, typed: what a pipeline or a check reads
   * fastest), checked against the dataset's schema like any upload. Registering again for the same producer run answers the version
   * registered the first time, so work resumed after a crash never makes two.
   */
  abstract register(produced: ProducedVersion): Promise<RegisteredVersion>;
}
