import type { Check } from '../../domain/checks/check.js';
import type { DuckDbSession } from './duckdb-session.js';

/** What every measurement of one suite run shares. */
export interface SuiteContext {
  readonly session: DuckDbSession;
  /** The SQL select list naming a failing row: the primary key columns, or the row number. */
  readonly keySelect: string;
  readonly keyColumns: readonly string[];
  readonly failingKeyLimit: number;
  /** The checked table's columns as loaded, with their DuckDB types. */
  readonly columnTypes: ReadonlyMap<string, string>;
  /** The quoted table a reference name was loaded as. */
  readonly referenceTable: (name: string) => string;
  /** The flag column of each predicate check evaluated while the table was loaded. */
  readonly loadedFlags: ReadonlyMap<Check, string>;
}
