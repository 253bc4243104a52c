/**
 * The logical column types a declared schema speaks. Engines map their own types onto these, so a
 * schema written once holds whether a version was read from CSV, JSONL or Parquet.
 */
export const COLUMN_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'timestamp'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}
