import type { RowCheck } from '../../domain/checks/check.js';
import type { CheckResult } from '../../domain/checks/check-result.js';
import type { CheckSuite } from '../../domain/checks/check-suite.js';
import type { TableProfile } from '../../domain/dataset/column-profile.js';
import type { ColumnDefinition } from '../../domain/schema/dataset-schema.js';
import type { TransformOperation } from '../../domain/pipeline/pipeline-definition.js';
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

/** A local file the engine writes a table to (a file there is replaced, so a step run again overwrites its output). */
export interface OutputFile {
  readonly path: string;
  readonly format: TableFileFormat;
}

export interface TransformRun {
  readonly input: TableFile;
  /** The tables the operations' joins name, by the name the operation gives (`with`). */
  readonly joined: ReadonlyMap<string, TableFile>;
  /** Applied in order; none copies the input as it is (an extract's file turned into the output's format). */
  readonly operations: readonly TransformOperation[];
  readonly output: OutputFile;
}

export interface WrittenTable {
  readonly rowCount: number;
  readonly columns: readonly string[];
}

/** Splits a table into the rows failing any of `checks` and the others, each written to its file. */
export interface PartitionRun {
  readonly table: TableFile;
  readonly checks: readonly RowCheck[];
  /** Every table the checks' relationships name. */
  readonly references: ReadonlyMap<string, TableFile>;
  readonly clean: OutputFile;
  readonly quarantine: OutputFile;
}

export interface PartitionedRows {
  readonly clean: number;
  readonly quarantined: number;
}

/** Runs check suites and pipeline transforms as SQL on an analytical engine, streaming files rather than holding them. */
export abstract class QueryEngine {
  abstract runSuite(run: SuiteRun): Promise<readonly CheckResult[]>;
  /** The columns the file holds, as the engine infers them (declared columns are ignored). Refuses malformed CSV with its line. */
  abstract observeColumns(table: TableFile): Promise<ObservedColumn[]>;
  /** Row count and per-column profile, the file read with its declared columns; a value that does not cast is refused with its line. */
  abstract profile(table: TableFile): Promise<TableProfile>;
  /** Reads the input (and joined tables), applies the operations and writes the result; the input's row order is kept. */
  abstract transform(run: TransformRun): Promise<WrittenTable>;
  abstract partition(run: PartitionRun): Promise<PartitionedRows>;
  /** Why a filter or derived-column expression is not one safe SQL expression over a table's columns; undefined when it is. */
  abstract expressionProblem(expression: string): Promise<string | undefined>;
}
