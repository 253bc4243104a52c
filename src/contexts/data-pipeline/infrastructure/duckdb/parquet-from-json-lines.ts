import type { ColumnDefinition } from '../../domain/schema/dataset-schema.js';
import { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { contentInvalid } from './load-profiled-table.js';
import { quoteLiteral } from './sql-text.js';
import { scanSql } from './table-source-sql.js';

/**
 * Turns JSON Lines into Parquet with the dataset's declared column types, in the declared order:
 * a value that does not cast fails the read (with its line), and the Parquet file carries exactly
 * the types the dataset declares. DuckDB streams the file through its own memory limit.
 */
export async function writeParquetFromJsonLines(
  settings: DuckDbSettings,
  jsonLines: { readonly path: string; readonly columns: readonly ColumnDefinition[] },
  target: string,
): Promise<void> {
  const file = { path: jsonLines.path, format: 'jsonl' as const, columns: jsonLines.columns };
  const session = await DuckDbSession.open(settings);
  try {
    await session.run(`COPY (SELECT * FROM ${scanSql(file)}) TO ${quoteLiteral(target)} (FORMAT parquet)`);
  } catch (error) {
    throw contentInvalid(error, file);
  } finally {
    session.close();
  }
}
