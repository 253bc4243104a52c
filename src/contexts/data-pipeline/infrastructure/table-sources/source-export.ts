import type { ColumnType } from '../../domain/schema/column-type.js';

/** What an export wrote: its columns in order with their dataset column types, and its size. */
export interface ExportedTable {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly rowCount: number;
  readonly bytes: number;
}

/**
 * One engine's way of running a snapshot query read-only and writing its rows to a local CSV (the
 * dialect `writeParquetFromCsv` reads: a header, every value double-quoted, NULL as an empty field).
 * PostgreSQL is the one engine today; a warehouse engine is another implementation chosen by the
 * scheme of the source's URL.
 */
export interface SourceExport {
  toCsv(query: string, path: string, maxBytes: number): Promise<ExportedTable>;
}

/** A CSV field: double-quoted with inner quotes doubled, or nothing at all for NULL. */
export function csvField(value: string | null): string {
  return value === null ? '' : `"${value.replaceAll('"', '""')}"`;
}
