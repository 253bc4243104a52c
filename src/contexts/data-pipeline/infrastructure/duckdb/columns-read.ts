import type { CheckSuite } from '../../domain/checks/check-suite.js';
import type { DuckDbSession } from './duckdb-session.js';
import { textOf } from './key-values.js';

/** Column names in lower case: DuckDB binds identifiers, quoted or not, without regard to case. */
export type ColumnSet = ReadonlySet<string>;

export interface ColumnsRead {
  readonly table: ColumnSet;
  readonly references: ReadonlyMap<string, ColumnSet>;
}

/**
 * The columns a suite reads from each table, so loading converts only those: parsing a CSV's
 * timestamps and strings costs as much as the rest of the run. Custom expressions' columns come
 * from DuckDB's own parse tree.
 */
export async function columnsRead(
  session: DuckDbSession,
  suite: CheckSuite,
  primaryKey: readonly string[],
): Promise<ColumnsRead> {
  const table = new Set(primaryKey.map(lower));
  const references = new Map<string, Set<string>>();
  const readFrom = (name: string, columns: readonly string[]): void => {
    const set = references.get(name) ?? new Set<string>();
    for (const column of columns) set.add(lower(column));
    references.set(name, set);
  };
  for (const check of suite.checks) {
    if ('column' in check) table.add(lower(check.column));
    if ('columns' in check) for (const column of check.columns) table.add(lower(column));
    if (check.kind === 'relationships') readFrom(check.reference, check.referenceColumns);
    if (check.kind === 'psi_drift' || check.kind === 'ks_drift') readFrom(check.reference, [check.column]);
    if (check.kind === 'custom_sql')
      for (const column of await expressionColumns(session, check.expression)) table.add(column);
  }
  return { table, references };
}

async function expressionColumns(session: DuckDbSession, expression: string): Promise<string[]> {
  const [[serialized]] = await session.rows('SELECT json_serialize_sql($1::VARCHAR)', [`SELECT (${expression})`]);
  const columns: string[] = [];
  JSON.parse(textOf(serialized), (key, value: unknown) => {
    // A reference is ["column"] or ["table", "column"]: its last name is the column.
    if (key === 'column_names' && Array.isArray(value) && typeof value.at(-1) === 'string')
      columns.push(lower(String(value.at(-1))));
    return value;
  });
  return columns;
}

function lower(name: string): string {
  return name.toLowerCase();
}
