import type { LocalTableCopies } from '../ports/local-table-copies.js';
import type { TableFile } from '../ports/query-engine.js';

/** A table of a suite run: the object its version is stored in, read as `file` once copied. */
export interface SuiteTable {
  readonly name: string;
  readonly objectKey: string;
  readonly file: Omit<TableFile, 'path'>;
}

/**
 * Copies every table to a local file, one inside the other, so each copy is removed when the work
 * settles, whether it succeeds or throws; the work gets the files by table name.
 */
export function withTableCopies<T>(
  copies: LocalTableCopies,
  tables: readonly SuiteTable[],
  work: (files: ReadonlyMap<string, TableFile>) => Promise<T>,
  files: ReadonlyMap<string, TableFile> = new Map(),
): Promise<T> {
  const [first, ...rest] = tables;
  if (!first) return work(files);
  return copies.withCopyOf(first.objectKey, (path) =>
    withTableCopies(copies, rest, work, new Map([...files, [first.name, { ...first.file, path }]])),
  );
}

export function fileNamed(files: ReadonlyMap<string, TableFile>, name: string): TableFile {
  const file = files.get(name);
  if (!file) throw new Error(`Table ${name} was not copied`);
  return file;
}
