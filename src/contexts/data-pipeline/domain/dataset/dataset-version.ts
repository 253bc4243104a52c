import type { ObservedColumn } from '../schema/schema-comparison.js';
import type { ColumnProfile } from './column-profile.js';

export const VERSION_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type VersionFormat = (typeof VERSION_FORMATS)[number];

export const PRODUCER_KINDS = ['upload', 'pipeline-run', 'workflow-run', 'table-source', 'batch-prediction'] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

/** Who made a version: a user's upload or registration, a run (with its id), or a snapshot of a table source. */
export interface VersionProducer {
  readonly kind: ProducerKind;
  readonly actorId: string;
  readonly runId?: string;
  /** For a table-source snapshot: the source's configured name and the query run (never its address). */
  readonly tableSource?: TableSourceSnapshot;
}

export interface TableSourceSnapshot {
  readonly name: string;
  readonly query: string;
}

/** One immutable content of a dataset: its object, what it holds and who produced it. */
export interface DatasetVersion {
  readonly id: string;
  readonly datasetId: string;
  readonly projectId: string;
  readonly number: number;
  readonly format: VersionFormat;
  readonly objectKey: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly rowCount: number;
  readonly inferredSchema: readonly ObservedColumn[];
  readonly profile: readonly ColumnProfile[];
  readonly producer: VersionProducer;
  readonly createdAt: Date;
}
