import type { SuiteRun, TableFile } from '../../application/ports/query-engine.js';
import type { ObservedColumn } from '../../domain/schema/schema-comparison.js';
import { TableUnreadable } from '../../domain/errors.js';
import { columnTypeOf } from './column-types.js';
import type { DuckDbSession } from './duckdb-session.js';
import { engineMessage } from './engine-error.js';
import { textOf } from './key-values.js';
import { MAIN_TABLE } from './row-check-sql.js';
import { quoteIdentifier, quoteLiteral } from './sql-text.js';
import type { ColumnSet, ColumnsRead } from './columns-read.js';
import type { LoadFlag } from './load-flags.js';
import type { Check } from '../../domain/checks/check.js';
import { scanSql } from './table-source-sql.js';

export interface LoadedTables {
  /** The quoted table each reference name was loaded as. */
  readonly references: ReadonlyMap<string, string>;
  /** The flag column of each check whose predicate was evaluated during the load. */
  readonly flags: ReadonlyMap<Check, string>;
}

/**
 * Loads the checked table and its references into the session once, so ten checks scan columnar
 * tables ten times rather than parse a CSV ten times, and only the columns the suite reads. The
 * built-in predicates ride along as flag columns; if one of them cannot run on this file (a
 * missing column, a value that does not cast), the table is loaded again without them and each
 * check is planned on its own, so that check reports the problem instead of the whole suite.
 */
export async function loadTables(
  session: DuckDbSession,
  run: SuiteRun,
  read: ColumnsRead,
  flags: readonly LoadFlag[],
): Promise<LoadedTables> {
  const flagged = flags.length > 0 && (await loadFlagged(session, run.table, read.table, flags));
  if (!flagged) await loadTable(session, MAIN_TABLE, run.table, 'checked', projectionOf(read.table));
  const references = new Map<string, string>();
  for (const [index, [name, file]] of [...run.references].entries()) {
    const table = quoteIdentifier(`reference_${index}`);
    await loadTable(session, table, file, `reference ${name}`, projectionOf(read.references.get(name) ?? new Set()));
    references.set(name, table);
  }
  return { references, flags: new Map(flagged ? flags.map((flag) => [flag.check, flag.column]) : []) };
}

async function loadFlagged(
  session: DuckDbSession,
  file: TableFile,
  read: ColumnSet,
  flags: readonly LoadFlag[],
): Promise<boolean> {
  const columns = [projectionOf(read), ...flags.map((flag) => `${flag.predicate} AS ${flag.column}`)];
  try {
    await session.run(`CREATE OR REPLACE TABLE ${MAIN_TABLE} AS SELECT ${columns.join(', ')} FROM ${scanSql(file)}`);
    return true;
  } catch {
    return false;
  }
}

/** COLUMNS(lambda) picks the read columns by name as the file is bound: no second sniff of a CSV to list them. */
function projectionOf(read: ColumnSet): string {
  const names = [...read].map((name) => quoteLiteral(name)).join(', ');
  return read.size > 0 ? `COLUMNS(column_name -> lower(column_name) IN (${names}))` : '*';
}

async function loadTable(
  session: DuckDbSession,
  table: string,
  file: TableFile,
  role: string,
  projection: string,
): Promise<void> {
  try {
    await session.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${projection} FROM ${scanSql(file)}`);
  } catch (error) {
    throw new TableUnreadable(role, engineMessage(error));
  }
}

/** The columns and types the file itself holds (inferred for CSV and JSONL, whatever the declared columns say). */
export async function observeColumns(session: DuckDbSession, file: TableFile): Promise<ObservedColumn[]> {
  const rows = await session.rows(`DESCRIBE SELECT * FROM ${scanSql(file, false)}`);
  return rows.map(([name, type]) => ({
    name: textOf(name),
    type: columnTypeOf(textOf(type)),
    engineType: textOf(type),
  }));
}

/** The loaded table's columns and their DuckDB types. */
export async function loadedColumnTypes(session: DuckDbSession, table: string): Promise<Map<string, string>> {
  const rows = await session.rows(`DESCRIBE ${table}`);
  return new Map(rows.map(([name, type]) => [textOf(name), textOf(type)]));
}
