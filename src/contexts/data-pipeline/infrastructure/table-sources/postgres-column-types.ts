import type { ColumnType } from '../../domain/schema/column-type.js';

/** PostgreSQL's built-in type OIDs (pg_type.oid) that map to a dataset column type other than string. */
const BY_OID: ReadonlyMap<number, ColumnType> = new Map([
  [16, 'boolean'],
  [20, 'integer'], // int8
  [21, 'integer'], // int2
  [23, 'integer'], // int4
  [26, 'integer'], // oid
  [700, 'float'], // float4
  [701, 'float'], // float8
  [1700, 'float'], // numeric: DuckDB reads unconstrained decimals as DOUBLE, so does a declared float
  [1082, 'date'],
  [1114, 'timestamp'],
  [1184, 'timestamp'], // timestamptz, written in UTC
]);

/**
 * The dataset column type of a result column. Every other type (text, varchar, uuid, json, numeric
 * ranges, arrays, enums, ...) is kept as its PostgreSQL text form, a string.
 */
export function columnTypeOfPostgres(oid: number): ColumnType {
  return BY_OID.get(oid) ?? 'string';
}

/**
 * A value as PostgreSQL wrote it in text (with TimeZone UTC and DateStyle ISO), in the form DuckDB
 * casts to the column's type: booleans spelled out, the UTC offset of a timestamptz dropped.
 */
export function csvTextOf(type: ColumnType, text: string): string {
  if (type === 'boolean') return text === 't' ? 'true' : 'false';
  if (type === 'timestamp') return text.replace(/\+00(:00)?$/, '');
  return text;
}
