import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectStore } from '@libs/storage/ports';
import { LocalTableCopies } from '../../application/ports/local-table-copies.js';

/**
 * Copies objects into a private directory under the engine's temp directory: DuckDB cannot read
 * the object store itself (its S3 extension downloads at run time), so it reads the copy. The
 * bytes stream from the store to the disk; the directory goes when the work settles.
 */
export class TemporaryTableCopies extends LocalTableCopies {
  constructor(
    private readonly store: ObjectStore,
    private readonly tempDirectory: string,
  ) {
    super();
  }

  async withCopyOf<T>(objectKey: string, work: (path: string) => Promise<T>): Promise<T> {
    await mkdir(this.tempDirectory, { recursive: true });
    const directory = await mkdtemp(join(this.tempDirectory, 'version-'));
    try {
      const path = join(directory, 'table');
      const download = await this.store.get(objectKey);
      await pipeline(download.body, createWriteStream(path));
      return await work(path);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}
