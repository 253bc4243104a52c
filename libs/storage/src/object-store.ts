import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';

export interface PutObjectOptions {
  /** Hard ceiling: a body that grows past it is refused and nothing of it is kept. */
  readonly maxBytes: number;
  /** Length the sender declared (Content-Length). Refused up front when over maxBytes; the write fails unless exactly this many bytes arrive. */
  readonly size?: number;
  /** Defaults to application/octet-stream. */
  readonly contentType?: string;
  /** Small user metadata: lower-case keys of [a-z0-9-], printable ASCII values, 2 KiB in all. */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface StoredObject {
  readonly key: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes as they streamed through, computed by the store itself. */
  readonly sha256: string;
  /** The backend's opaque version tag, where it has one (S3). */
  readonly etag?: string;
}

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  /**
   * Known when the object was written through `put`; absent when it came another way
   * (a presigned PUT) or while a concurrent overwrite settles. Never stale: the record is
   * bound to the exact bytes it describes.
   */
  readonly sha256?: string;
  readonly etag?: string;
}

/** Inclusive byte positions, as in an HTTP Range header; `end` defaults to the last byte. */
export interface ByteRange {
  readonly start: number;
  readonly end?: number;
}

export interface ObjectDownload extends ObjectInfo {
  /** Streams the bytes; the caller must consume or destroy it, or call `sendTo` instead. */
  readonly body: Readable;
  /**
   * Writes the bytes into `destination` and ends it: `body` or this, never both. Only for a
   * destination that is done with a chunk once it calls back for it, as a socket or an HTTP
   * response is (the kernel holds the bytes by then), since a store may then reuse the chunk's
   * memory for the next one. Rejects, having destroyed `destination` and released what the
   * store held, when reading fails or the destination fails or closes early.
   */
  sendTo(destination: Writable): Promise<void>;
  /** Bytes in `body`: the whole size, or the length of `range`. */
  readonly contentLength: number;
  /** The range served, clamped to the object (for Content-Range); absent for a whole object. */
  readonly range?: { readonly start: number; readonly end: number };
}

export interface ListObjectsOptions {
  /** 1..1000, default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

export interface ObjectPage {
  /** In byte order of their keys, the same on every backend. */
  readonly items: readonly ListedObject[];
  readonly nextCursor?: string;
}

export interface PresignedPutOptions {
  /** Signs Content-Length, so the URL accepts a body of exactly this size and no other. */
  readonly contentLength?: number;
  readonly contentType?: string;
}

export interface PresignedRequest {
  readonly url: string;
  readonly method: 'GET' | 'PUT';
  /** Headers the client must send as signed. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

/**
 * Where artifacts, dataset files and other large blobs live (the port, and its own
 * DI token). Bodies stream both ways with bounded memory; nothing is buffered whole.
 *
 * Keys are validated (see object-key.ts). `put` replaces an existing object only when it
 * succeeds; immutability of what was written is the caller's rule, not the store's.
 */
export abstract class ObjectStore {
  /**
   * Streams `body` into `key`, computing size and SHA-256 on the way. Takes ownership of
   * `body`: on any failure it is destroyed and no new object remains at `key`.
   */
  abstract put(key: string, body: Readable, options: PutObjectOptions): Promise<StoredObject>;

  /** Throws ObjectNotFoundError, or RangeNotSatisfiableError when `range` starts past the end. */
  abstract get(key: string, options?: { readonly range?: ByteRange }): Promise<ObjectDownload>;

  /** Undefined when there is no object at `key`. */
  abstract head(key: string): Promise<ObjectInfo | undefined>;

  /** Idempotent: deleting a missing object succeeds. */
  abstract delete(key: string): Promise<void>;

  /** Objects whose key starts with `prefix` (a plain string prefix, not a folder). */
  abstract list(prefix: string, options?: ListObjectsOptions): Promise<ObjectPage>;

  /** A URL that downloads `key` without our credentials; undefined where the backend has none. */
  abstract presignedGetUrl(key: string, expiresInSeconds: number): Promise<PresignedRequest | undefined>;

  /**
   * A URL that uploads to `key` directly; undefined where the backend has none. Such an
   * upload bypasses `put`: no size limit unless `contentLength` is signed, no SHA-256 record.
   */
  abstract presignedPutUrl(
    key: string,
    expiresInSeconds: number,
    options?: PresignedPutOptions,
  ): Promise<PresignedRequest | undefined>;

  /** Releases connections; called once at shutdown. */
  abstract close(): Promise<void>;

  /**
   * Size and SHA-256 of the object at `key`, streamed through a hash with bounded memory: for an
   * object written without `put` (a presigned PUT), whose digest no record holds. Throws
   * ObjectNotFoundError when there is none.
   */
  async digest(key: string): Promise<Pick<StoredObject, 'size' | 'sha256'>> {
    const download = await this.get(key);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of download.body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { size, sha256: hash.digest('hex') };
  }
}
