import type { CheckLiteral } from '../../domain/checks/check.js';

/** A user's column name as a DuckDB identifier: always quoted, inner quotes doubled, so no name can end it early. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value as a SQL literal: strings quoted with inner quotes doubled (DuckDB gives backslashes no meaning). */
export function quoteLiteral(value: CheckLiteral): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (!Number.isFinite(value)) throw new Error(`${value} has no SQL literal`);
  return Number.isInteger(value) ? String(value) : `${value}::DOUBLE`;
}

export function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdentifier).join(', ');
}
