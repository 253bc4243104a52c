import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  ObjectNotFoundError,
  ObjectStore,
  ObjectTooLargeError,
  type ByteRange,
  type ObjectDownload,
  type ObjectInfo,
  type ObjectPage,
  type PresignedPutOptions,
  type PresignedRequest,
  type PutObjectOptions,
  type StoredObject,
} from '@libs/storage';
import { settled } from './settled.js';
import { ArtifactSettings } from '../../../src/contexts/model-registry/application/ports/artifact-settings.js';

interface StoredBytes {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** Objects in memory; refuses more than maxBytes as the real stores do, and can sign URLs or not. */
export class InMemoryObjectStore extends ObjectStore {
  readonly objects = new Map<string, StoredBytes>();
  constructor(private readonly signsUrls = true) {
    super();
  }

  async put(key: string, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    const bytes = Buffer.concat(chunks);
    if (bytes.length > options.maxBytes) throw new ObjectTooLargeError(options.maxBytes);
    this.objects.set(key, { bytes, contentType: options.contentType ?? 'application/octet-stream' });
    return { key, size: bytes.length, sha256: sha256(bytes) };
  }
  /** A range is served as the real stores serve it: its bytes only, inclusive of `end`. */
  async get(key: string, options: { readonly range?: ByteRange } = {}): Promise<ObjectDownload> {
    const info = await this.head(key);
    const stored = this.objects.get(key);
    if (!info || !stored) throw new ObjectNotFoundError(key);
    const { range } = options;
    const served = range && { start: range.start, end: range.end ?? stored.bytes.length - 1 };
    const bytes = served ? stored.bytes.subarray(served.start, served.end + 1) : stored.bytes;
    return {
      ...info,
      body: Readable.from([bytes]),
      contentLength: bytes.length,
      range: served,
      sendTo: (destination) => settled(() => void destination.end(bytes)),
    };
  }
  head(key: string): Promise<ObjectInfo | undefined> {
    return settled(() => {
      const stored = this.objects.get(key);
      if (!stored) return undefined;
      const { bytes, contentType } = stored;
      return { key, size: bytes.length, lastModified: new Date(0), contentType, metadata: {}, sha256: sha256(bytes) };
    });
  }
  delete(key: string): Promise<void> {
    return settled(() => {
      this.objects.delete(key);
    });
  }
  list(prefix: string): Promise<ObjectPage> {
    return settled(() => {
      const items = [...this.objects.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, { bytes }]) => ({ key, size: bytes.length, lastModified: new Date(0) }));
      return { items };
    });
  }
  presignedGetUrl(key: string, expiresInSeconds: number): Promise<PresignedRequest | undefined> {
    return settled(() => {
      if (!this.signsUrls) return undefined;
      return {
        url: `https://objects.test/${key}`,
        method: 'GET',
        headers: {},
        expiresAt: new Date(expiresInSeconds * 1000),
      };
    });
  }
  /** The URL a spec "uploads" to with `putDirectly`, as a client would PUT to S3. */
  presignedPutUrl(
    key: string,
    expiresInSeconds: number,
    options: PresignedPutOptions = {},
  ): Promise<PresignedRequest | undefined> {
    return settled(() => {
      if (!this.signsUrls) return undefined;
      const headers: Record<string, string> = {};
      if (options.contentLength !== undefined) headers['content-length'] = String(options.contentLength);
      if (options.contentType !== undefined) headers['content-type'] = options.contentType;
      return {
        url: `https://objects.test/${key}`,
        method: 'PUT',
        headers,
        expiresAt: new Date(expiresInSeconds * 1000),
      };
    });
  }

  /** What a client's PUT to a presigned URL leaves in the store: the bytes, without going through `put`. */
  putDirectly(url: string, bytes: Buffer, contentType = 'application/octet-stream'): void {
    this.objects.set(url.slice('https://objects.test/'.length), { bytes, contentType });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** `objects:///<key>` names an object of ours; anything else is foreign. */
export class FakeArtifactSettings extends ArtifactSettings {
  readonly urlTtlSeconds = 300;
  constructor(readonly maxBytes = 1024) {
    super();
  }
  keyOfUri(uri: string): string | undefined {
    return uri.startsWith('objects:///') ? uri.slice('objects:///'.length) : undefined;
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
