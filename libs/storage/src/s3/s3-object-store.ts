import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { OutboundCircuitOpen, type OutboundBreaker } from '@libs/outbound';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkRange, parseContentRange, rangeHeader } from '../byte-range.js';
import {
  InvalidStorageArgumentError,
  ObjectNotFoundError,
  ObjectStoreUnavailableError,
  RangeNotSatisfiableError,
} from '../errors.js';
import { assertValidKey, assertValidPrefix } from '../object-key.js';
import {
  ObjectStore,
  type ByteRange,
  type ListObjectsOptions,
  type ObjectDownload,
  type ObjectInfo,
  type ObjectPage,
  type PresignedPutOptions,
  type PresignedRequest,
  type PutObjectOptions,
  type StoredObject,
} from '../object-store.js';
import { checkPutOptions, DEFAULT_CONTENT_TYPE } from '../put-options.js';
import { digestOf, readDigestRecord, recordKey, writeDigestRecord } from './digest-record.js';
import { listObjectPage } from './list-object-page.js';
import { isInvalidRange, isNoSuchKey } from './s3-errors.js';
import { streamedUpload, type UploadTuning } from './streamed-upload.js';

const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60; // SigV4's limit

export interface S3ObjectStoreOptions {
  readonly client: S3Client;
  /** Signs presigned URLs when clients reach the server by another address than we do (Docker, a proxy). */
  readonly presigningClient?: S3Client;
  readonly bucket: string;
  readonly upload?: Partial<UploadTuning>;
  /** Guards every call that reaches S3 (not presigning, which does not): see s3-breaker.ts. */
  readonly breaker?: OutboundBreaker;
}

/** Objects in one S3 (or S3-compatible) bucket, each key as is; SHA-256 records beside them (digest-record.ts). */
export class S3ObjectStore extends ObjectStore {
  private readonly client: S3Client;
  private readonly presigningClient: S3Client;
  private readonly bucket: string;
  private readonly tuning: UploadTuning;
  private readonly breaker?: OutboundBreaker;

  constructor(options: S3ObjectStoreOptions) {
    super();
    this.client = options.client;
    this.presigningClient = options.presigningClient ?? options.client;
    this.bucket = options.bucket;
    this.tuning = { partSizeBytes: 5 * 1024 * 1024, queueSize: 2, ...options.upload };
    this.breaker = options.breaker;
  }

  async put(key: string, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    let checked;
    try {
      assertValidKey(key);
      checked = checkPutOptions(options);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const target = { bucket: this.bucket, key, contentType: checked.contentType, metadata: checked.metadata };
    try {
      return await this.guarded(async () => {
        const uploaded = await streamedUpload(this.client, target, body, checked, this.tuning);
        try {
          const { sha256, size, etag } = uploaded;
          await writeDigestRecord(this.client, this.bucket, key, { sha256, size, etag });
        } catch (error) {
          // A put that reports failure must not leave its object behind.
          await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
          throw error;
        }
        return { key, size: uploaded.size, sha256: uploaded.sha256, etag: uploaded.etag };
      });
    } catch (error) {
      // Refused before reading it: the caller's stream must not be left hanging.
      if (error instanceof ObjectStoreUnavailableError) body.destroy();
      throw error;
    }
  }

  async get(key: string, options: { readonly range?: ByteRange } = {}): Promise<ObjectDownload> {
    assertValidKey(key);
    const { range } = options;
    if (range) checkRange(range);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      Range: range ? rangeHeader(range) : undefined,
    });
    const { object, record } = await this.guarded(async () => {
      const [found, digest] = await Promise.allSettled([
        this.client.send(command),
        readDigestRecord(this.client, this.bucket, key),
      ]);
      if (found.status === 'rejected') throw await this.getFailure(key, found.reason);
      if (digest.status === 'rejected') {
        (found.value.Body as Readable).destroy();
        throw digest.reason;
      }
      return { object: found.value, record: digest.value };
    });
    const body = object.Body as Readable;
    const served = parseContentRange(object.ContentRange);
    const size = served?.size ?? object.ContentLength ?? 0;
    const info = describe(key, object, size, digestOf(record, object.ETag, size));
    return {
      ...info,
      body,
      sendTo: (destination) => pipeline(body, destination),
      contentLength: object.ContentLength ?? size,
      range: range ? { start: served?.start ?? 0, end: served?.end ?? size - 1 } : undefined,
    };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    return this.guarded(() => this.headOf(key));
  }

  private async headOf(key: string): Promise<ObjectInfo | undefined> {
    const [object, record] = await Promise.allSettled([
      this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })),
      readDigestRecord(this.client, this.bucket, key),
    ]);
    if (object.status === 'rejected') {
      if (isNoSuchKey(object.reason)) return undefined;
      throw object.reason;
    }
    if (record.status === 'rejected') throw record.reason;
    const size = object.value.ContentLength ?? 0;
    return describe(key, object.value, size, digestOf(record.value, object.value.ETag, size));
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    // Two single deletes rather than DeleteObjects, which some S3-compatible servers lack.
    // The object goes first: a record without its object is never read.
    await this.guarded(async () => {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: recordKey(key) }));
    });
  }

  async list(prefix: string, options?: ListObjectsOptions): Promise<ObjectPage> {
    assertValidPrefix(prefix);
    return this.guarded(() => listObjectPage(this.client, this.bucket, prefix, options));
  }

  async presignedGetUrl(key: string, expiresInSeconds: number): Promise<PresignedRequest> {
    assertValidKey(key);
    checkExpiry(expiresInSeconds);
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key });
    const url = await getSignedUrl(this.presigningClient, command, { expiresIn: expiresInSeconds });
    return { url, method: 'GET', headers: {}, expiresAt: expiryOf(expiresInSeconds) };
  }

  async presignedPutUrl(
    key: string,
    expiresInSeconds: number,
    options: PresignedPutOptions = {},
  ): Promise<PresignedRequest> {
    assertValidKey(key);
    checkExpiry(expiresInSeconds);
    const { contentLength, contentType } = options;
    if (contentLength !== undefined && (!Number.isSafeInteger(contentLength) || contentLength < 0)) {
      throw new InvalidStorageArgumentError(`contentLength must be a whole number of bytes, got ${contentLength}`);
    }
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentLength: contentLength,
      ContentType: contentType,
    });
    const signableHeaders = new Set(contentType === undefined ? [] : ['content-type']);
    const url = await getSignedUrl(this.presigningClient, command, { expiresIn: expiresInSeconds, signableHeaders });
    const headers: Record<string, string> = {};
    if (contentLength !== undefined) headers['content-length'] = String(contentLength);
    if (contentType !== undefined) headers['content-type'] = contentType;
    return { url, method: 'PUT', headers, expiresAt: expiryOf(expiresInSeconds) };
  }

  close(): Promise<void> {
    this.client.destroy();
    if (this.presigningClient !== this.client) this.presigningClient.destroy();
    return Promise.resolve();
  }

  /** Runs one store call through the breaker, if any; refused, it is the store being unavailable. */
  private async guarded<T>(call: () => Promise<T>): Promise<T> {
    if (!this.breaker) return call();
    try {
      return await this.breaker.execute(call);
    } catch (error) {
      if (error instanceof OutboundCircuitOpen) throw new ObjectStoreUnavailableError(error.retryAfterSeconds);
      throw error;
    }
  }

  private async getFailure(key: string, error: unknown): Promise<unknown> {
    if (isNoSuchKey(error)) return new ObjectNotFoundError(key);
    if (!isInvalidRange(error)) return error;
    // The 416 carries the size only in a header the SDK drops; the client needs it for Content-Range.
    // Inside the get's own guarded call: a second pass through the breaker would be refused while it probes.
    const current = await this.headOf(key);
    return current ? new RangeNotSatisfiableError(current.size) : new ObjectNotFoundError(key);
  }
}

function describe(
  key: string,
  object: Pick<GetObjectCommandOutput, 'LastModified' | 'ContentType' | 'Metadata' | 'ETag'>,
  size: number,
  sha256: string | undefined,
): ObjectInfo {
  return {
    key,
    size,
    lastModified: object.LastModified ?? new Date(0),
    contentType: object.ContentType ?? DEFAULT_CONTENT_TYPE,
    metadata: object.Metadata ?? {},
    sha256,
    etag: object.ETag,
  };
}

function checkExpiry(seconds: number): void {
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_PRESIGN_SECONDS) {
    throw new InvalidStorageArgumentError(`expiry must be 1 to ${MAX_PRESIGN_SECONDS} seconds, got ${seconds}`);
  }
}

function expiryOf(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}
