import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from '@libs/storage';
import { RegistryWorld } from './registry-world.js';

const LIMIT = 1024 * 1024;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A body of `size` bytes sent in chunks with no Content-Length, as `Transfer-Encoding: chunked`. */
function chunkedBody(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = randomBytes(Math.min(64 * 1024, size - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe('model artifacts through the API (filesystem store)', () => {
  let world: RegistryWorld;
  let directory: string;
  let modelId: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'registry-objects-'));
    world = await RegistryWorld.start({
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      MODEL_ARTIFACT_MAX_BYTES: String(LIMIT),
    });
    modelId = (await world.model('artifact-model')).id;
  });
  afterAll(async () => {
    await world?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const objectsOf = (versionId: string) =>
    new FilesystemObjectStore(directory).list(`model-registry/${world.projectId}/${modelId}/${versionId}/`);

  it('gives back the uploaded bytes and their SHA-256, and waits for approval', async () => {
    const version = await world.version(modelId);
    expect(version.status).toBe('PendingArtifact');
    const bytes = randomBytes(300_000);
    const uploaded = await world.upload(version.id, bytes);
    expect(uploaded.status).toBe(200);
    const body = (await uploaded.json()) as { status: string; artifact: { sha256: string; sizeBytes: number } };
    expect(body.status).toBe('PendingManualApproval');
    expect(body.artifact).toMatchObject({ sha256: sha256(bytes), sizeBytes: bytes.length });
    expect(JSON.stringify(body)).not.toContain('model-registry/');

    const downloaded = await world.download(version.id);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(downloaded.headers.get('accept-ranges')).toBe('bytes');
    // Written by the platform's hooks before the handler ran: the streamed answer keeps them.
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('x-request-id')).toBeTruthy();
    const back = Buffer.from(await downloaded.arrayBuffer());
    expect(sha256(back)).toBe(sha256(bytes));
    expect((await world.download(version.id, { 'if-none-match': `"${sha256(bytes)}"` })).status).toBe(304);
  });

  it('serves single byte ranges with 206 and answers 416 past the end', async () => {
    const version = await world.version(modelId);
    const bytes = randomBytes(10_000);
    expect((await world.upload(version.id, bytes)).status).toBe(200);

    const middle = await world.download(version.id, { range: 'bytes=100-199' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const suffix = await world.download(version.id, { range: 'bytes=-10' });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(bytes.subarray(9990));

    const past = await world.download(version.id, { range: 'bytes=10000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */10000');
    expect(past.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers HEAD with the headers of the download and no body', async () => {
    const version = await world.version(modelId);
    const bytes = randomBytes(5000);
    expect((await world.upload(version.id, bytes)).status).toBe(200);
    const head = await world.headOfDownload(version.id, { range: 'bytes=10-19' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('content-range')).toBe('bytes 10-19/5000');
    expect(head.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers GET and HEAD alike when the stored object is gone: 404, with no body for HEAD', async () => {
    const version = await world.version(modelId);
    expect((await world.upload(version.id, randomBytes(2000))).status).toBe(200);
    const [object] = (await objectsOf(version.id)).items;
    await new FilesystemObjectStore(directory).delete(object.key);

    const get = await world.download(version.id);
    const head = await world.headOfDownload(version.id);
    expect(get.status).toBe(404);
    expect(get.headers.get('content-type')).toContain('application/problem+json');
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves an artifact whole again after a client went away in the middle of it', async () => {
    const version = await world.version(modelId);
    const bytes = randomBytes(LIMIT);
    expect((await world.upload(version.id, bytes)).status).toBe(200);
    const abandoned = await world.download(version.id);
    const reader = abandoned.body!.getReader();
    await reader.read();
    await reader.cancel();
    const again = await world.download(version.id);
    expect(sha256(Buffer.from(await again.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('answers 409 to a second upload and keeps the first artifact', async () => {
    const version = await world.version(modelId);
    const first = randomBytes(1000);
    expect((await world.upload(version.id, first)).status).toBe(200);
    const second = await world.upload(version.id, randomBytes(1000));
    expect(second.status).toBe(409);
    expect(((await second.json()) as { type: string }).type).toBe('/problems/artifact-already-uploaded');
    expect(sha256(Buffer.from(await (await world.download(version.id)).arrayBuffer()))).toBe(sha256(first));
    expect((await objectsOf(version.id)).items).toHaveLength(1);
  });

  it('answers 413 to a declared size over the limit before reading it, leaving no object and the version as it was', async () => {
    const version = await world.version(modelId);
    const refused = await world.upload(version.id, randomBytes(LIMIT + 1));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/object-too-large');
    await expectUntouched(version.id);
  });

  it('answers 413 to a chunked upload once it grows past the limit, leaving nothing behind', async () => {
    const version = await world.version(modelId);
    const refused = await fetch(`${world.app.url}/api/v1/model-versions/${version.id}/artifact`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${world.editor.tokens.accessToken}`,
        'content-type': 'application/octet-stream',
      },
      body: chunkedBody(3 * LIMIT),
      duplex: 'half',
    });
    expect(refused.status).toBe(413);
    await expectUntouched(version.id);
    // The version still takes a good artifact afterwards.
    expect((await world.upload(version.id, randomBytes(100))).status).toBe(200);
  });

  it('refuses other media types, viewers and other projects', async () => {
    const version = await world.version(modelId);
    const asJson = await world.editor.client.call('PUT', `/api/v1/model-versions/${version.id}/artifact`, { a: 1 });
    expect(asJson.status).toBe(415);
    // Routes that do not stream refuse octet-stream bodies before reading them.
    const elsewhere = await fetch(`${world.app.url}/api/v1/projects/${world.projectId}/models`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.editor.tokens.accessToken}`,
        'content-type': 'application/octet-stream',
      },
      body: randomBytes(10),
    });
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.headers.get('content-type')).toContain('application/problem+json');
    expect((await world.upload(version.id, randomBytes(10), world.outsider)).status).toBe(404);
    expect((await world.download(version.id, {}, world.outsider)).status).toBe(404);
    const presigned = await world.editor.client.call(
      'GET',
      `/api/v1/model-versions/${version.id}/artifact/download-url`,
    );
    expect(presigned.status).toBe(404); // no artifact yet
  });

  it('answers the presigned URL routes with 409: presigned URLs need the S3 driver', async () => {
    const version = await world.version(modelId);
    const uploadUrl = await world.editor.client.call(
      'POST',
      `/api/v1/model-versions/${version.id}/artifact/upload-url`,
      {
        contentLength: 10,
      },
    );
    expect(uploadUrl.status).toBe(409);
    expect(uploadUrl.body).toMatchObject({ type: '/problems/presigned-url-unavailable' });
    expect(uploadUrl.body.detail).toContain('STORAGE_DRIVER=s3');
    expect((await world.upload(version.id, randomBytes(10))).status).toBe(200);
    const downloadUrl = await world.editor.client.call(
      'GET',
      `/api/v1/model-versions/${version.id}/artifact/download-url`,
    );
    expect([downloadUrl.status, downloadUrl.body.type]).toEqual([409, '/problems/presigned-url-unavailable']);
  });

  async function expectUntouched(versionId: string): Promise<void> {
    expect((await objectsOf(versionId)).items).toEqual([]);
    const after = await world.editor.client.call('GET', `/api/v1/model-versions/${versionId}`);
    expect(after.body).toMatchObject({ status: 'PendingArtifact', artifact: null });
    expect((await world.download(versionId)).status).toBe(404);
  }
});
