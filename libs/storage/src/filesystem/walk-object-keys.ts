import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidKey } from '../object-key.js';
import { isMissing } from './durable-files.js';
import { OBJECT_SUFFIX } from './object-files.js';

interface Entry {
  /** The key (object) or key prefix ending in '/' (folder) this entry stands for. */
  readonly sortKey: string;
  readonly folder: boolean;
}

/**
 * Yields the keys under `root` that start with `prefix` and sort after `after`, in byte
 * order of the keys, as S3 lists them. Folder order is not key order ('a-b' < 'a/c' but
 * the folder 'a' sorts first), so each folder is sorted by what its entries stand for,
 * and folders wholly before `after` or outside `prefix` are never read.
 */
export async function* walkObjectKeys(root: string, prefix: string, after?: string): AsyncGenerator<string> {
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  yield* walkFolder(join(root, ...base.split('/')), base, prefix, after);
}

async function* walkFolder(path: string, keyPrefix: string, prefix: string, after?: string): AsyncGenerator<string> {
  for (const entry of await readEntries(path, keyPrefix)) {
    if (entry.folder) {
      const overlapsPrefix = entry.sortKey.startsWith(prefix) || prefix.startsWith(entry.sortKey);
      const whollyBeforeCursor = after !== undefined && entry.sortKey < after && !after.startsWith(entry.sortKey);
      if (overlapsPrefix && !whollyBeforeCursor) {
        yield* walkFolder(join(path, entry.sortKey.slice(keyPrefix.length, -1)), entry.sortKey, prefix, after);
      }
    } else if (entry.sortKey.startsWith(prefix) && (after === undefined || entry.sortKey > after)) {
      yield entry.sortKey;
    }
  }
}

async function readEntries(path: string, keyPrefix: string): Promise<Entry[]> {
  let names;
  try {
    names = await readdir(path, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const entries: Entry[] = [];
  for (const dirent of names) {
    // Skips the store's own records and temporary files, and anything else put there by hand.
    if (dirent.isDirectory() && isValidKey(keyPrefix + dirent.name)) {
      entries.push({ sortKey: `${keyPrefix}${dirent.name}/`, folder: true });
    } else if (dirent.isFile() && dirent.name.endsWith(OBJECT_SUFFIX)) {
      const key = keyPrefix + dirent.name.slice(0, -OBJECT_SUFFIX.length);
      if (isValidKey(key)) entries.push({ sortKey: key, folder: false });
    }
  }
  // Keys are ASCII, so UTF-16 order is byte order.
  return entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
