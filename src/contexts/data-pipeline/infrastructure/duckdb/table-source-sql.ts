import type { TableFile } from '../../application/ports/query-engine.js';
import { duckDbTypeOf } from './column-types.js';
import { quoteLiteral } from './sql-text.js';

/**
 * The table function that scans a file. DuckDB reads it in chunks inside its own memory limit; no
 * row passes through the Node heap. Declared columns, when given, fix CSV and JSONL types (a value
 * that does not cast fails the read); otherwise DuckDB infers them from a sample.
 */
export function scanSql(file: TableFile, withDeclaredColumns = true): string {
  const path = quoteLiteral(file.path);
  const columns = withDeclaredColumns && file.columns ? declaredColumns(file) : '';
  switch (file.format) {
    case 'csv':
      return `read_csv(${path}, header = true${columns})`;
    case 'jsonl':
      return `read_json(${path}, format = 'newline_delimited'${columns})`;
    case 'parquet':
      return `read_parquet(${path})`;
  }
}

function declaredColumns(file: TableFile): string {
  const entries = (file.columns ?? []).map((column) => `${quoteLiteral(column.name)}: '${duckDbTypeOf(column.type)}'`);
  return `, columns = {${entries.join(', ')}}`;
}
