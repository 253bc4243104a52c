import type { ObjectStore } from '@libs/storage/ports';

/** A stream of bytes, as the object store takes it. */
export type ByteStream = Parameters<ObjectStore['put']>[1];

/** A dataset version a batch prediction reads, as the data pipeline describes it. */
export interface BatchInputVersion {
  readonly versionId: string;
  readonly datasetId: string;
  readonly rowCount: number;
  readonly columns: readonly string[];
}

/** The input version's rows, read by position in the file's order (the same order on every reading). */
export interface BatchInputRows {
  read(offset: number, limit: number): Promise<Record<string, unknown>[]>;
}

export interface BatchOutput {
  readonly projectId: string;
  readonly datasetId: string;
  readonly jobId: string;
  readonly actorId: string;
  /** JSON Lines: each input row with its prediction columns. */
  readonly body: ByteStream;
}

/**
 * Port: the datasets a batch prediction reads and writes, owned by the data pipeline. Versions and
 * datasets of another project are unknown.
 */
export abstract class BatchDatasets {
  abstract inputVersion(projectId: string, versionId: string): Promise<BatchInputVersion | undefined>;
  abstract hasDataset(projectId: string, datasetId: string): Promise<boolean>;
  abstract withRowsOf<T>(projectId: string, versionId: string, work: (rows: BatchInputRows) => Promise<T>): Promise<T>;
  /** Registers the output as a version of its dataset; the same job registering again gets its first version back. */
  abstract registerOutput(output: BatchOutput): Promise<{ readonly versionId: string; readonly rowCount: number }>;
}
