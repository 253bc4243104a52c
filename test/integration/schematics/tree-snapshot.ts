import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `folders` of `root`, by its path from `root`, with its text. */
export async function snapshotOf(root: string, folders: readonly string[]): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((file) => file.isFile())) {
      const path = join(entry.parentPath, entry.name).slice(root.length + 1);
      snapshot.set(path, await readFile(join(root, path), 'utf8'));
    }
  }
  return snapshot;
}

/** Paths that `after` adds or whose text differs from `before`. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
}
