import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createS3Client, ObjectTooLargeError, S3ObjectStore } from '@libs/storage';
import { waitFor } from '@libs/testing';
import { digestOf, generatedBytes, readAll, sha256Hex } from './support/generated-bytes.js';
import { objectStoreContract } from './support/object-store-contract.js';
import { S3RVER_CREDENTIALS, startS3TestServer, type S3TestServer } from './support/s3-test-server.js';

const MB = 1024 * 1024;

describe('S3ObjectStore against a real S3-protocol server', () => {
  let server: S3TestServer;
  let client: S3Client;
  let bucket: string;
  let store: S3ObjectStore;
  /** Names of the commands the store sent, observed on the real client (nothing is mocked). */
  let sent: string[] = [];

  beforeAll(async () => {
    server = await startS3TestServer();
    client = createS3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommandNames' },
    );
    bucket = `objects-${process.env.JEST_WORKER_ID ?? '1'}-${randomUUID().slice(0, 8)}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store = new S3ObjectStore({ client, bucket });
  });

  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  beforeEach(() => {
    sent = [];
  });

  objectStoreContract(() => store);

  describe('multipart uploads', () => {
    it('sends a body of more than one part as a multipart upload and one of less as a single PUT', async () => {
      const large = generatedBytes(12 * MB);
      const stored = await store.put(`mp/${randomUUID()}`, large.body, { maxBytes: 100 * MB });
      expect(stored.sha256).toBe(large.sha256());
      expect(sent.filter((name) => name === 'UploadPartCommand')).toHaveLength(3); // 5 + 5 + 2 MiB
      expect(sent).toContain('CompleteMultipartUploadCommand');

      sent = [];
      await store.put(`mp/${randomUUID()}`, Readable.from([randomBytes(1000)]), { maxBytes: 100 * MB });
      expect(sent).not.toContain('CreateMultipartUploadCommand');
    });

    it('aborts, and never completes, the multipart upload of a body over the limit', async () => {
      const source = generatedBytes(20 * MB, 64 * 1024);
      await expect(store.put(`mp/${randomUUID()}`, source.body, { maxBytes: 12 * MB })).rejects.toBeInstanceOf(
        ObjectTooLargeError,
      );
      expect(sent).toContain('CreateMultipartUploadCommand');
      expect(sent).toContain('AbortMultipartUploadCommand');
      expect(sent).not.toContain('CompleteMultipartUploadCommand');
    });
  });

  describe('presigned URLs', () => {
    it('presigns a GET that downloads the object without our credentials', async () => {
      const key = `presigned/${randomUUID()}`;
      const data = randomBytes(5000);
      await store.put(key, Readable.from([data]), { maxBytes: MB });
      const presigned = await store.presignedGetUrl(key, 60);
      expect(presigned.method).toBe('GET');
      const response = await fetch(presigned.url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(data);
    });

    it('presigns a PUT that uploads an object, which then carries no digest it did not compute', async () => {
      const key = `presigned/${randomUUID()}`;
      const presigned = await store.presignedPutUrl(key, 60);
      const response = await fetch(presigned.url, { method: 'PUT', body: 'uploaded directly' });
      expect(response.status).toBe(200);
      const download = await store.get(key);
      expect((await readAll(download.body)).toString()).toBe('uploaded directly');
      expect(download.sha256).toBeUndefined();
    });

    it('signs the declared length and type into a presigned PUT, with the requested expiry', async () => {
      const before = Date.now();
      const presigned = await store.presignedPutUrl(`presigned/${randomUUID()}`, 900, {
        contentLength: 1234,
        contentType: 'application/x-onnx',
      });
      const query = new URL(presigned.url).searchParams;
      expect(query.get('X-Amz-Expires')).toBe('900');
      expect(query.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
        expect.arrayContaining(['content-length', 'content-type']),
      );
      expect(presigned.headers).toEqual({ 'content-length': '1234', 'content-type': 'application/x-onnx' });
      expect(presigned.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 900_000);
    });

    it('writes URLs for the endpoint clients reach when that is another', async () => {
      const publicStore = new S3ObjectStore({
        client,
        bucket,
        presigningClient: createS3Client(
          { region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS },
          'https://storage.example.test',
        ),
      });
      const presigned = await publicStore.presignedGetUrl('some/key', 60);
      expect(presigned.url.startsWith(`https://storage.example.test/${bucket}/some/key?`)).toBe(true);
    });

    it('is refused by the server once tampered with: another key, another length, another signature', async () => {
      const key = `presigned/${randomUUID()}`;
      const presigned = await store.presignedPutUrl(key, 60, { contentLength: 5, contentType: 'text/plain' });
      const send = (url: string, body: string) =>
        fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body });
      const otherKey = presigned.url.replace(key, `${key}-elsewhere`);
      expect((await send(otherKey, 'hello')).status).toBe(403);
      expect((await send(presigned.url, 'hello, longer')).status).toBe(403);
      const forged = new URL(presigned.url);
      forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
      expect((await send(forged.toString(), 'hello')).status).toBe(403);
      expect(await store.head(key)).toBeUndefined();
      expect((await send(presigned.url, 'hello')).status).toBe(200);
    });

    it('is refused by the server once expired', async () => {
      const key = `presigned/${randomUUID()}`;
      await store.put(key, Readable.from([Buffer.from('soon gone')]), { maxBytes: MB });
      const presigned = await store.presignedGetUrl(key, 1);
      expect((await fetch(presigned.url)).status).toBe(200);
      const refused = await waitFor(
        async () => {
          const response = await fetch(presigned.url);
          return response.status === 200 ? undefined : response;
        },
        { what: 'the URL to expire', intervalMs: 200 },
      );
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Request has expired');
    });

    it('refuses an expiry under a second or over seven days', async () => {
      await expect(store.presignedGetUrl('k', 0)).rejects.toMatchObject({ type: 'invalid-storage-argument' });
      await expect(store.presignedPutUrl('k', 7 * 24 * 3600 + 1)).rejects.toMatchObject({
        type: 'invalid-storage-argument',
      });
    });
  });

  describe('objects written by other means', () => {
    it('reports no digest once the object was replaced behind its back', async () => {
      const key = `other/${randomUUID()}`;
      await store.put(key, Readable.from(['written through the store']), { maxBytes: MB });
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'replaced directly' }));
      const download = await store.get(key);
      expect(await digestOf(download.body)).toEqual({ sha256: sha256Hex('replaced directly'), bytes: 17 });
      expect(download.sha256).toBeUndefined();
    });

    it('leaves out keys it would refuse when listing', async () => {
      const prefix = `other/${randomUUID()}`;
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/with space`, Body: 'x' }));
      await store.put(`${prefix}/valid`, Readable.from(['x']), { maxBytes: 10 });
      expect((await store.list(`${prefix}/`)).items.map((item) => item.key)).toEqual([`${prefix}/valid`]);
    });
  });
});
