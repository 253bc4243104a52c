import { mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import { dirname, sep } from 'node:path';

const isCode = (error: unknown, ...codes: string[]): boolean =>
  codes.includes((error as NodeJS.ErrnoException | null)?.code ?? '');

export const isMissing = (error: unknown): boolean => isCode(error, 'ENOENT', 'ENOTDIR');

/** Writes a new file and flushes it to disk before returning. */
export async function writeFileDurably(path: string, data: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes a rename in `directory` survive a power cut. Windows cannot open a directory
 * for fsync; there NTFS journals the rename itself.
 */
export async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Renames `from` onto `to`, creating `to`'s folder. Retries because a concurrent delete may
 * remove that folder, once empty, between our mkdir and our rename.
 */
export async function renameIntoPlace(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await mkdir(dirname(to), { recursive: true });
    try {
      return await rename(from, to);
    } catch (error) {
      if (!isCode(error, 'ENOENT') || attempt === 3) throw error;
    }
  }
}

export async function removeIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}

/** Removes `directory` and its parents while they are empty, stopping at `root`. */
export async function removeEmptyDirectories(directory: string, root: string): Promise<void> {
  for (let current = directory; current.startsWith(root + sep); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty, or another delete tidied it first: either way, stop
    }
  }
}
