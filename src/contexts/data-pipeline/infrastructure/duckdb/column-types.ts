import type { ColumnType } from '../../domain/schema/column-type.js';

const DECLARED: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/** The DuckDB type a declared column is read as. */
export function duckDbTypeOf(type: ColumnType): string {
  return DECLARED[type];
}

const OBSERVED: readonly [RegExp, ColumnType][] = [
  [/^(VARCHAR|UUID)$/, 'string'],
  [/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/, 'integer'],
  [/^(FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/, 'float'],
  [/^BOOLEAN$/, 'boolean'],
  [/^DATE$/, 'date'],
  [/^TIMESTAMP( WITH TIME ZONE|_S|_MS|_NS)?$/, 'timestamp'],
];

/** The logical type of a column DuckDB found in a file, or undefined for lists, structs and the like. */
export function columnTypeOf(duckDbType: string): ColumnType | undefined {
  return OBSERVED.find(([pattern]) => pattern.test(duckDbType))?.[1];
}
