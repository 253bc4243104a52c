import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { ObjectSizeMismatchError, ObjectTooLargeError, type ObjectStore } from '@libs/storage';
import { scaled } from '@libs/testing';
import { digestOf, failingAfter, generatedBytes, readAll } from './generated-bytes.js';
import { peakLiveGrowth } from './peak-live-memory.js';

const MB = 1024 * 1024;
const LARGE_OBJECT_BYTES = 200 * MB;
const LARGE_OBJECT_TEST_MS = scaled(180_000);
/**
 * What a 200 MB round trip may keep alive at once: measured at 15-25 MB for both stores, most of
 * it chunks on their way and S3's 5 MiB part buffers. Buffering the object whole would keep 200 MB.
 */
const MAX_LIVE_GROWTH_BYTES = 64 * MB;

/** Size limits, cut-off uploads and large objects: the streaming half of the contract. */
export function uploadLimitsContract(store: () => ObjectStore, scope: () => string): void {
  const expectNothingAt = async (prefix: string, key: string): Promise<void> => {
    expect(await store().head(key)).toBeUndefined();
    expect((await store().list(`${prefix}/`)).items).toEqual([]);
  };

  describe('size limit', () => {
    it('refuses a body that grows past the limit, stops reading it and keeps nothing', async () => {
      const prefix = scope();
      const key = `${prefix}/too-big`;
      const source = generatedBytes(20 * MB, 64 * 1024);
      await expect(store().put(key, source.body, { maxBytes: 12 * MB })).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect(source.body.destroyed).toBe(true);
      expect(source.produced()).toBeLessThan(20 * MB);
      await expectNothingAt(prefix, key);
    });

    it('refuses a declared size over the limit before reading a byte', async () => {
      const prefix = scope();
      const source = generatedBytes(2 * MB);
      const attempt = store().put(`${prefix}/declared`, source.body, { maxBytes: MB, size: 2 * MB });
      await expect(attempt).rejects.toMatchObject({ type: 'object-too-large', maxBytes: MB });
      expect(source.produced()).toBe(0);
      await expectNothingAt(prefix, `${prefix}/declared`);
    });

    it('accepts a body of exactly the limit', async () => {
      const data = randomBytes(1000);
      const stored = await store().put(`${scope()}/exact`, Readable.from([data]), { maxBytes: 1000, size: 1000 });
      expect(stored.size).toBe(1000);
    });

    it('keeps the previous object when its replacement is too large', async () => {
      const key = `${scope()}/kept`;
      await store().put(key, Readable.from(['original']), { maxBytes: 100 });
      await expect(store().put(key, Readable.from([randomBytes(200)]), { maxBytes: 100 })).rejects.toBeInstanceOf(
        ObjectTooLargeError,
      );
      expect((await readAll((await store().get(key)).body)).toString()).toBe('original');
    });
  });

  describe('cut-off uploads', () => {
    it('keeps nothing of a body shorter than its declared size', async () => {
      const prefix = scope();
      const attempt = store().put(`${prefix}/short`, Readable.from([randomBytes(500)]), { maxBytes: MB, size: 800 });
      await expect(attempt).rejects.toBeInstanceOf(ObjectSizeMismatchError);
      await expectNothingAt(prefix, `${prefix}/short`);
    });

    it('keeps nothing when the source fails midway, and reports its error', async () => {
      const prefix = scope();
      const disconnect = new Error('client went away');
      const attempt = store().put(`${prefix}/cut`, failingAfter(randomBytes(9 * MB), disconnect), {
        maxBytes: 50 * MB,
      });
      await expect(attempt).rejects.toBe(disconnect);
      await expectNothingAt(prefix, `${prefix}/cut`);
    });

    it('reports a source that fails before its first byte, as a request reset at once', async () => {
      const prefix = scope();
      const body = new Readable({ read: () => undefined });
      const attempt = store().put(`${prefix}/reset`, body, { maxBytes: MB });
      const reset = new Error('connection reset');
      body.destroy(reset);
      await expect(attempt).rejects.toBe(reset);
      await expectNothingAt(prefix, `${prefix}/reset`);
    });
  });

  describe('large objects', () => {
    it(
      'streams 200 MB in and out with bounded memory and a matching SHA-256',
      async () => {
        const key = `${scope()}/large.bin`;
        // 64 KiB chunks, as an HTTP request body arrives.
        const source = generatedBytes(LARGE_OBJECT_BYTES, 64 * 1024);
        const upload = await peakLiveGrowth(() =>
          store().put(key, source.body, { maxBytes: 5 * 1024 * MB, size: LARGE_OBJECT_BYTES }),
        );
        expect(upload.result).toMatchObject({ size: LARGE_OBJECT_BYTES, sha256: source.sha256() });

        const download = await peakLiveGrowth(async () => digestOf((await store().get(key)).body));
        expect(download.result).toEqual({ bytes: LARGE_OBJECT_BYTES, sha256: source.sha256() });
        expect((await store().head(key))?.sha256).toBe(source.sha256());

        expect(upload.growthBytes).toBeLessThan(MAX_LIVE_GROWTH_BYTES);
        expect(download.growthBytes).toBeLessThan(MAX_LIVE_GROWTH_BYTES);
        await store().delete(key);
      },
      LARGE_OBJECT_TEST_MS,
    );
  });
}
