import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { InvalidObjectKeyError, ObjectNotFoundError, RangeNotSatisfiableError, type ObjectStore } from '@libs/storage';
import { copyingSink, digestOf, readAll, sha256Hex } from './generated-bytes.js';
import { uploadLimitsContract } from './upload-limits-contract.js';

const MB = 1024 * 1024;

/**
 * What every ObjectStore adapter must do, run against each one with a real backend.
 * `store` is called inside tests, after the adapter's beforeAll has built it.
 */
export function objectStoreContract(store: () => ObjectStore): void {
  // Each test works under a prefix of its own, so tests cannot see each other's objects.
  const scope = (): string => `contract/${randomUUID()}`;
  const put = (key: string, data: Buffer | string, contentType?: string) =>
    store().put(key, Readable.from([Buffer.from(data)]), { maxBytes: 10 * MB, contentType });

  describe('round trip', () => {
    it('reads back the bytes it stored, with the SHA-256 and size it reported', async () => {
      const key = `${scope()}/model.bin`;
      const data = randomBytes(3 * MB + 17);
      const stored = await store().put(key, Readable.from([data.subarray(0, MB), data.subarray(MB)]), {
        maxBytes: 10 * MB,
      });
      expect(stored).toMatchObject({ key, size: data.length, sha256: sha256Hex(data) });

      const download = await store().get(key);
      // Compared by digest: toEqual walks a 3 MB buffer byte by byte, for seconds.
      expect(await digestOf(download.body)).toEqual({ sha256: sha256Hex(data), bytes: data.length });
      expect(download).toMatchObject({ key, size: data.length, contentLength: data.length, sha256: stored.sha256 });
      expect(download.range).toBeUndefined();
    });

    it('sends the bytes into a destination instead of a stream, and ends it', async () => {
      const key = `${scope()}/sent.bin`;
      const data = randomBytes(2 * MB + 5);
      await put(key, data);
      const sink = copyingSink();
      await (await store().get(key)).sendTo(sink.destination);
      expect(sha256Hex(sink.received())).toBe(sha256Hex(data));
      expect(sink.destination.writableFinished).toBe(true);
    });

    it('stores an empty object', async () => {
      const key = `${scope()}/empty`;
      const stored = await put(key, '');
      expect(stored).toMatchObject({ size: 0, sha256: sha256Hex('') });
      const download = await store().get(key);
      expect((await readAll(download.body)).length).toBe(0);
    });

    it('keeps the content type and metadata given at upload', async () => {
      const key = `${scope()}/card.json`;
      await store().put(key, Readable.from(['{}']), {
        maxBytes: 100,
        contentType: 'application/json',
        metadata: { 'model-version': 'v7' },
      });
      const info = await store().head(key);
      expect(info).toMatchObject({ contentType: 'application/json', metadata: { 'model-version': 'v7' }, size: 2 });
    });

    it('answers application/octet-stream when no content type was given', async () => {
      const key = `${scope()}/blob`;
      await put(key, 'x');
      expect((await store().head(key))?.contentType).toBe('application/octet-stream');
    });

    it('replaces an object written again at the same key', async () => {
      const key = `${scope()}/weights`;
      await put(key, 'first');
      const second = await put(key, 'second version');
      const download = await store().get(key);
      expect((await readAll(download.body)).toString()).toBe('second version');
      expect(download.sha256).toBe(second.sha256);
    });
  });

  describe('ranges', () => {
    const data = Buffer.from('0123456789abcdefghij');

    it('reads an inclusive byte range', async () => {
      const key = `${scope()}/ranged`;
      await put(key, data);
      const download = await store().get(key, { range: { start: 5, end: 9 } });
      expect((await readAll(download.body)).toString()).toBe('56789');
      expect(download).toMatchObject({ size: 20, contentLength: 5, range: { start: 5, end: 9 } });
    });

    it('sends an inclusive byte range into a destination', async () => {
      const key = `${scope()}/ranged`;
      await put(key, data);
      const sink = copyingSink();
      await (await store().get(key, { range: { start: 5, end: 9 } })).sendTo(sink.destination);
      expect(sink.received().toString()).toBe('56789');
    });

    it('reads from an offset to the end', async () => {
      const key = `${scope()}/ranged`;
      await put(key, data);
      const download = await store().get(key, { range: { start: 15 } });
      expect((await readAll(download.body)).toString()).toBe('fghij');
      expect(download).toMatchObject({ contentLength: 5, range: { start: 15, end: 19 } });
    });

    it('clamps a range that runs past the end', async () => {
      const key = `${scope()}/ranged`;
      await put(key, data);
      const download = await store().get(key, { range: { start: 18, end: 1000 } });
      expect((await readAll(download.body)).toString()).toBe('ij');
      expect(download.range).toEqual({ start: 18, end: 19 });
    });

    it('refuses a range that starts past the end, telling the size', async () => {
      const key = `${scope()}/ranged`;
      await put(key, data);
      const attempt = store().get(key, { range: { start: 20 } });
      await expect(attempt).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      await expect(attempt).rejects.toMatchObject({ size: 20 });
    });

    it('refuses a reversed range before asking the backend', async () => {
      await expect(store().get(`${scope()}/any`, { range: { start: 5, end: 4 } })).rejects.toMatchObject({
        type: 'invalid-storage-argument',
      });
    });
  });

  describe('digest', () => {
    it('streams an object back through SHA-256, and throws ObjectNotFoundError for a missing one', async () => {
      const key = `${scope()}/digested.bin`;
      const data = randomBytes(2 * MB + 5);
      await put(key, data);
      await expect(store().digest(key)).resolves.toEqual({ size: data.length, sha256: sha256Hex(data) });
      await expect(store().digest(`${scope()}/none`)).rejects.toBeInstanceOf(ObjectNotFoundError);
    });
  });

  describe('missing objects', () => {
    it('answers undefined to head and ObjectNotFoundError to get', async () => {
      const key = `${scope()}/nothing-here`;
      expect(await store().head(key)).toBeUndefined();
      await expect(store().get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store().get(key, { range: { start: 0 } })).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('describes an object without reading it', async () => {
      const key = `${scope()}/described`;
      const stored = await put(key, 'twelve bytes', 'text/plain');
      const info = await store().head(key);
      expect(info).toMatchObject({ key, size: 12, sha256: stored.sha256, contentType: 'text/plain' });
      expect(info?.lastModified).toBeInstanceOf(Date);
    });
  });

  describe('delete', () => {
    it('removes the object, and succeeds again when it is already gone', async () => {
      const prefix = scope();
      await put(`${prefix}/doomed`, 'bye');
      await store().delete(`${prefix}/doomed`);
      expect(await store().head(`${prefix}/doomed`)).toBeUndefined();
      expect((await store().list(`${prefix}/`)).items).toEqual([]);
      await expect(store().delete(`${prefix}/doomed`)).resolves.toBeUndefined();
    });

    it('can store at a key again after deleting it', async () => {
      const key = `${scope()}/again`;
      await put(key, 'one');
      await store().delete(key);
      const stored = await put(key, 'two');
      expect((await store().head(key))?.sha256).toBe(stored.sha256);
    });
  });

  describe('listing', () => {
    const keys = ['a/1', 'a/2', 'b', 'c/d/e', 'c/f'];

    it('lists by prefix in key order, with sizes, and none of its own records', async () => {
      const prefix = scope();
      for (const key of [...keys].reverse()) await put(`${prefix}/${key}`, key);
      const page = await store().list(`${prefix}/`);
      expect(page.items.map((item) => [item.key, item.size])).toEqual(
        keys.map((key) => [`${prefix}/${key}`, key.length]),
      );
      expect(page.items.every((item) => item.lastModified instanceof Date)).toBe(true);
      expect(page.nextCursor).toBeUndefined();
    });

    it('treats the prefix as a plain string, not a folder', async () => {
      const prefix = scope();
      for (const key of ['v1/x', 'v10/x', 'v2/x']) await put(`${prefix}/${key}`, key);
      const page = await store().list(`${prefix}/v1`);
      expect(page.items.map((item) => item.key)).toEqual([`${prefix}/v1/x`, `${prefix}/v10/x`]);
    });

    it('pages through with a cursor, each object once', async () => {
      const prefix = scope();
      for (const key of keys) await put(`${prefix}/${key}`, key);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store().list(`${prefix}/`, { limit: 2, cursor });
        seen.push(...page.items.map((item) => item.key.slice(prefix.length + 1)));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(keys);
      expect(pages).toBe(3);
    });

    it('lists nothing under a prefix nobody used', async () => {
      expect(await store().list(`${scope()}/`)).toEqual({ items: [], nextCursor: undefined });
    });

    it('refuses a cursor it did not issue, and a limit over 1000', async () => {
      await expect(store().list('', { cursor: 'Li4vZXRj' })).rejects.toMatchObject({
        type: 'invalid-storage-argument',
      });
      await expect(store().list('', { limit: 1001 })).rejects.toMatchObject({ type: 'invalid-storage-argument' });
    });
  });

  describe('keys', () => {
    it.each([
      '../escape',
      '/absolute',
      'nul\0byte',
      'a//b',
      'a/./b',
      'a/../b',
      'back\\slash',
      'x@meta.json',
      'trailing/',
    ])('refuses %j on every operation', async (key) => {
      await expect(put(key, 'x')).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store().get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store().head(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store().delete(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store().presignedGetUrl(key, 60)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    });

    it('refuses a listing prefix that could climb out', async () => {
      await expect(store().list('../')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    });
  });

  uploadLimitsContract(store, scope);
}
