import type { BigIntStats } from 'node:fs';
import { mkdir, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { checkRange, resolveRange } from '../byte-range.js';
import { ObjectNotFoundError } from '../errors.js';
import { encodeCursor, pageRequest } from '../list-page.js';
import { assertValidKey, assertValidPrefix } from '../object-key.js';
import {
  ObjectStore,
  type ByteRange,
  type ListObjectsOptions,
  type ListedObject,
  type ObjectDownload,
  type ObjectInfo,
  type ObjectPage,
  type PresignedRequest,
  type PutObjectOptions,
  type StoredObject,
} from '../object-store.js';
import { checkPutOptions, DEFAULT_CONTENT_TYPE } from '../put-options.js';
import { UploadMeter } from '../upload-meter.js';
import {
  isMissing,
  removeEmptyDirectories,
  removeIfPresent,
  renameIntoPlace,
  syncDirectory,
  writeFileDurably,
} from './durable-files.js';
import { FlushingFileWriter } from './flushing-file-writer.js';
import { ObjectFileReader } from './object-file-reader.js';
import { ObjectFiles } from './object-files.js';
import { isRecordOf, readRecord, type ObjectRecord } from './object-record.js';
import { walkObjectKeys } from './walk-object-keys.js';

/**
 * Objects as files under one root: the embedded default. A write lands in a temporary
 * file, is flushed to disk, then renamed into place, so readers see the old object or
 * the whole new one, never a part. The SHA-256 and content type live in a record beside it.
 */
export class FilesystemObjectStore extends ObjectStore {
  private readonly files: ObjectFiles;

  constructor(root: string) {
    super();
    this.files = new ObjectFiles(root);
  }

  get root(): string {
    return this.files.root;
  }

  async put(key: string, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    const temporaryFiles: string[] = [];
    let meter: UploadMeter | undefined;
    try {
      assertValidKey(key);
      const checked = checkPutOptions(options);
      // Attached before the first await: an error of `body` while we prepare must find a listener.
      meter = new UploadMeter(checked.maxBytes, checked.size);
      pipeline(body, meter, () => undefined);
      await mkdir(this.files.temporaryDirectory, { recursive: true });
      const data = this.files.temporaryPath();
      temporaryFiles.push(data);
      const inode = await writeData(data, meter);
      const record = this.files.temporaryPath();
      temporaryFiles.push(record);
      const content: ObjectRecord = {
        sha256: meter.sha256,
        size: meter.bytes,
        contentType: checked.contentType,
        metadata: { ...checked.metadata },
        inode,
      };
      await writeFileDurably(record, JSON.stringify(content));
      // The record goes first: the data rename is the one commit point, and a record that
      // lands without its data is ignored (isRecordOf).
      await renameIntoPlace(record, this.files.recordPath(key));
      await renameIntoPlace(data, this.files.dataPath(key));
      await syncDirectory(this.files.directoryOf(key));
      return { key, size: meter.bytes, sha256: meter.sha256 };
    } catch (error) {
      body.destroy();
      await Promise.all(temporaryFiles.map(removeIfPresent));
      throw meter?.failure ?? error;
    }
  }

  async get(key: string, options: { readonly range?: ByteRange } = {}): Promise<ObjectDownload> {
    assertValidKey(key);
    if (options.range) checkRange(options.range);
    let handle: FileHandle;
    try {
      handle = await open(this.files.dataPath(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
    try {
      // Described through the open handle, so a concurrent overwrite or delete cannot
      // pair this file's bytes with another file's size or digest.
      const info = await this.describe(key, await handle.stat({ bigint: true }));
      const range = options.range ? resolveRange(options.range, info.size) : undefined;
      const reader = new ObjectFileReader(handle, info.size, range);
      const contentLength = range ? range.end - range.start + 1 : info.size;
      return {
        ...info,
        // Made on first use: a download that is sent never opens a stream that would close its file.
        get body() {
          return reader.stream();
        },
        sendTo: (destination) => reader.sendTo(destination),
        contentLength,
        range,
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    try {
      return await this.describe(key, await stat(this.files.dataPath(key), { bigint: true }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await removeIfPresent(this.files.dataPath(key));
    await removeIfPresent(this.files.recordPath(key));
    await removeEmptyDirectories(this.files.directoryOf(key), this.files.root);
  }

  async list(prefix: string, options?: ListObjectsOptions): Promise<ObjectPage> {
    assertValidPrefix(prefix);
    const { limit, after } = pageRequest(options);
    const keys: string[] = [];
    for await (const key of walkObjectKeys(this.files.root, prefix, after)) {
      keys.push(key);
      if (keys.length > limit) break; // one beyond the page says whether there is a next one
    }
    const items: ListedObject[] = [];
    for (const key of keys.slice(0, limit)) {
      const stats = await stat(this.files.dataPath(key)).catch((error: unknown) => {
        if (isMissing(error)) return undefined; // deleted since the walk saw it
        throw error;
      });
      if (stats) items.push({ key, size: stats.size, lastModified: new Date(stats.mtimeMs) });
    }
    const last = keys[limit - 1];
    return { items, nextCursor: keys.length > limit && last !== undefined ? encodeCursor(last) : undefined };
  }

  // A file system has no presigned URLs; the key is still checked, as every adapter does.
  presignedGetUrl(key: string): Promise<PresignedRequest | undefined> {
    return noPresignedUrl(key);
  }

  presignedPutUrl(key: string): Promise<PresignedRequest | undefined> {
    return noPresignedUrl(key);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Deletes temporary files a crash left behind. Only old ones: another process sharing
   * the root may be writing a young one right now (an active upload keeps its mtime fresh).
   */
  async removeStaleTemporaryFiles(olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
    const names = await readdir(this.files.temporaryDirectory).catch((error: unknown) => {
      if (isMissing(error)) return [];
      throw error;
    });
    let removed = 0;
    for (const name of names) {
      const path = join(this.files.temporaryDirectory, name);
      const stats = await stat(path).catch(() => undefined);
      if (stats && Date.now() - stats.mtimeMs > olderThanMs) {
        await removeIfPresent(path);
        removed += 1;
      }
    }
    return removed;
  }

  private async describe(key: string, stats: BigIntStats): Promise<ObjectInfo> {
    const record = await readRecord(this.files.recordPath(key));
    const known = isRecordOf(record, stats) ? record : undefined;
    return {
      key,
      size: Number(stats.size),
      lastModified: new Date(Number(stats.mtimeMs)),
      contentType: known?.contentType ?? DEFAULT_CONTENT_TYPE,
      metadata: known?.metadata ?? {},
      sha256: known?.sha256,
    };
  }
}

const noPresignedUrl = (key: string): Promise<undefined> =>
  new Promise((resolve) => {
    assertValidKey(key);
    resolve(undefined);
  });

/** Streams what passes the meter into a new file and flushes it to disk; answers its inode. */
async function writeData(path: string, meter: UploadMeter): Promise<string> {
  const file = await open(path, 'wx');
  try {
    await pipelineAsync(meter, new FlushingFileWriter(file));
    await file.sync();
    const { ino } = await file.stat({ bigint: true });
    return ino.toString();
  } finally {
    await file.close();
  }
}
