import type { CheckResult } from '../../domain/checks/check-result.js';
import type { CheckSuite } from '../../domain/checks/check-suite.js';
import type { TableProfile } from '../../domain/dataset/column-profile.js';
import type { ColumnDefinition } from '../../domain/schema/dataset-schema.js';
import type { ObservedColumn } from '../../domain/schema/schema-comparison.js';

export type TableFileFormat = 'csv' | 'jsonl' | 'parquet';

/** A table in a local file (the object store hands versions over as temporary files). */
export interface TableFile {
  readonly path: string;
  readonly format: TableFileFormat;
  /**
   * The declared columns to read CSV and JSONL with; without them the engine infers types from the
   * file. Parquet carries its own types and ignores them.
   */
  readonly columns?: readonly ColumnDefinition[];
}

export interface SuiteRun {
  readonly table: TableFile;
  /** Failing rows are named by these columns; without a key, by their 1-based row number in the file. */
  readonly primaryKey: readonly string[];
  readonly suite: CheckSuite;
  /** Every table the suite's relationships and drift checks name (`CheckSuite.references`). */
  readonly references: ReadonlyMap<string, TableFile>;
  /** The instant freshness is measured from. */
  readonly at: Date;
}

/** Runs check suites (and later, transforms) as SQL on an analytical engine, streaming files rather than holding them. */
export abstract class QueryEngine {
  abstract runSuite(run: SuiteRun): Promise<readonly CheckResult[]>;
  /** The columns the file holds, as the engine infers them (declared columns are ignored). Refuses malformed CSV with its line. */
  abstract observeColumns(table: TableFile): Promise<ObservedColumn[]>;
  /** Row count and per-column profile, the file read with its declared columns; a value that does not cast is refused with its line. */
  abstract profile(table: TableFile): Promise<TableProfile>;
}
