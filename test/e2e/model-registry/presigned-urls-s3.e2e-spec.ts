import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { waitFor } from '@libs/testing';
import { startS3PlatformBucket, type S3PlatformBucket } from '../../support/s3-platform-bucket.js';
import { RegistryWorld } from './registry-world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const LIMIT = 1024 * 1024;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Sends the bytes as the presigned answer says: its method, its URL, its signed headers. */
const sendTo = (presigned: Json, bytes?: Uint8Array): Promise<Response> =>
  fetch(presigned.url as string, {
    method: presigned.method as string,
    headers: presigned.headers as Record<string, string>,
    body: bytes,
  });

describe('presigned upload and download URLs (S3 store, against s3rver)', () => {
  let s3: S3PlatformBucket;
  let world: RegistryWorld;
  let modelId: string;

  beforeAll(async () => {
    s3 = await startS3PlatformBucket('presigned');
    world = await RegistryWorld.start({
      ...s3.settings,
      MODEL_ARTIFACT_MAX_BYTES: String(LIMIT),
      MODEL_ARTIFACT_URL_TTL_SECONDS: '600',
    });
    modelId = (await world.model('presigned-model')).id;
  });
  afterAll(async () => {
    await world?.close();
    await s3?.stop();
  });

  const call = (method: string, path: string, body?: object, as = world.editor) =>
    as.client.call(method, `/api/v1${path}`, body);

  it('uploads an artifact straight to the store, records its size and SHA-256 on completion, and downloads it', async () => {
    const version = await world.version(modelId);
    const bytes = randomBytes(300_000);
    const granted = await call('POST', `/model-versions/${version.id}/artifact/upload-url`, {
      contentLength: bytes.length,
      contentType: 'application/x-onnx',
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      method: 'PUT',
      headers: { 'content-length': String(bytes.length), 'content-type': 'application/x-onnx' },
    });
    expect(Date.parse(granted.body.expiresAt as string)).toBeLessThanOrEqual(Date.now() + 601_000);
    const early = await call('POST', `/model-versions/${version.id}/artifact/complete`, {
      uploadId: granted.body.uploadId,
    });
    expect([early.status, early.body.type]).toEqual([409, '/problems/artifact-upload-missing']);

    expect((await sendTo(granted.body, bytes)).status).toBe(200);
    const completed = await call('POST', `/model-versions/${version.id}/artifact/complete`, {
      uploadId: granted.body.uploadId,
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'PendingManualApproval',
      artifact: { sizeBytes: bytes.length, sha256: sha256(bytes), contentType: 'application/x-onnx' },
    });

    const link = await call('GET', `/model-versions/${version.id}/artifact/download-url?expiresInSeconds=60`);
    expect(link.status).toBe(200);
    const direct = await sendTo(link.body);
    expect(Buffer.from(await direct.arrayBuffer()).equals(bytes)).toBe(true);
    const streamed = await world.download(version.id);
    expect(sha256(Buffer.from(await streamed.arrayBuffer()))).toBe(sha256(bytes));
    const again = await call('POST', `/model-versions/${version.id}/artifact/upload-url`, { contentLength: 10 });
    expect(again.status).toBe(409);
  });

  it('uploads and downloads a project object through presigned URLs, under the same permissions', async () => {
    const bytes = randomBytes(50_000);
    const granted = await call('POST', `/projects/${world.projectId}/object-upload-url`, {
      key: 'runs/7/model.onnx',
      contentLength: bytes.length,
    });
    expect(granted.status).toBe(200);
    expect(granted.body.uri).toBe(`objects:///project-objects/${world.projectId}/runs/7/model.onnx`);
    expect((await sendTo(granted.body, bytes)).status).toBe(200);

    const link = await call('GET', `/projects/${world.projectId}/object-download-url?key=runs/7/model.onnx`);
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await sendTo(link.body)).arrayBuffer()).equals(bytes)).toBe(true);

    const viewerless = await call(
      'GET',
      `/projects/${world.projectId}/object-download-url?key=runs/7/model.onnx`,
      undefined,
      world.outsider,
    );
    expect(viewerless.status).toBe(404);
    const missing = await call('GET', `/projects/${world.projectId}/object-download-url?key=runs/8/model.onnx`);
    expect(missing.status).toBe(404);
    const tooLarge = await call('POST', `/projects/${world.projectId}/object-upload-url`, {
      key: 'big.bin',
      contentLength: LIMIT + 1,
    });
    expect(tooLarge.status).toBe(413);
    const badKey = await call('POST', `/projects/${world.projectId}/object-upload-url`, {
      key: '../x',
      contentLength: 1,
    });
    expect(badKey.status).toBe(400);
  });

  it('has the store refuse a URL used for another key or length, or used after it expired', async () => {
    const bytes = randomBytes(1000);
    const granted = await call('POST', `/projects/${world.projectId}/object-upload-url`, {
      key: 'guarded.bin',
      contentLength: bytes.length,
      expiresInSeconds: 1,
    });
    const elsewhere = { ...granted.body, url: (granted.body.url as string).replace('guarded.bin', 'other.bin') };
    expect((await sendTo(elsewhere, bytes)).status).toBe(403);
    const longer = { ...granted.body, headers: { ...granted.body.headers, 'content-length': '1001' } };
    expect((await sendTo(longer, randomBytes(1001))).status).toBe(403);
    const expired = await waitFor(
      async () => {
        const response = await sendTo(granted.body, bytes);
        return response.status === 200 ? undefined : response;
      },
      { what: 'the upload URL to expire', intervalMs: 200 },
    );
    expect(expired.status).toBe(403);
  });
});
