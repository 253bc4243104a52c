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
import { scanSql } from './table-source-sql.js';

/**
 * Loads the checked table and its references into the session once, so ten checks scan columnar
 * tables ten times rather than parse a CSV ten times, and only the columns the suite reads.
 * Returns the quoted table of each reference name.
 */
export async function loadTables(
  session: DuckDbSession,
  run: SuiteRun,
  read: ColumnsRead,
): Promise<ReadonlyMap<string, string>> {
  await loadTable(session, MAIN_TABLE, run.table, 'checked', read.table);
  const tables = new Map<string, string>();
  for (const [index, [name, file]] of [...run.references].entries()) {
    const table = quoteIdentifier(`reference_${index}`);
    await loadTable(session, table, file, `reference ${name}`, read.references.get(name) ?? new Set());
    tables.set(name, table);
  }
  return tables;
}

async function loadTable(
  session: DuckDbSession,
  table: string,
  file: TableFile,
  role: string,
  read: ColumnSet,
): Promise<void> {
  // COLUMNS(lambda) picks the read columns by name as the file is bound: no second sniff of a CSV to list them.
  const names = [...read].map((name) => quoteLiteral(name)).join(', ');
  const projection = read.size > 0 ? `COLUMNS(column_name -> lower(column_name) IN (${names}))` : '*';
  try {
    await session.run(`CREATE TABLE ${table} AS SELECT ${projection} FROM ${scanSql(file)}`);
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
