import type { ColumnType } from '../../domain/schema/column-type.js';
import { duckDbTypeOf } from './column-types.js';
import { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { contentInvalid } from './load-profiled-table.js';
import { quoteLiteral } from './sql-text.js';

export interface TypedCsv {
  readonly path: string;
  /** The file's columns in order, each read as its type. */
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

/**
 * Turns a CSV whose column types are known (a table source's export) into Parquet. The CSV's
 * dialect is ours, so nothing is sniffed: every value quoted, an unquoted empty field is NULL, and a
 * quoted empty one is an empty string. DuckDB streams the file through its own memory limit.
 */
export async function writeParquetFromCsv(settings: DuckDbSettings, csv: TypedCsv, target: string): Promise<void> {
  const columns = csv.columns.map((column) => `${quoteLiteral(column.name)}: '${duckDbTypeOf(column.type)}'`);
  const scan =
    `read_csv(${quoteLiteral(csv.path)}, header = true, delim = ',', quote = '"', escape = '"', ` +
    `new_line = '\\n', allow_quoted_nulls = false, columns = {${columns.join(', ')}})`;
  const session = await DuckDbSession.open(settings);
  try {
    await session.run(`COPY (SELECT * FROM ${scan}) TO ${quoteLiteral(target)} (FORMAT parquet)`);
  } catch (error) {
    throw contentInvalid(error, { path: csv.path, format: 'csv' });
  } finally {
    session.close();
  }
}
