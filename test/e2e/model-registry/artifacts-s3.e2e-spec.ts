import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { startS3PlatformBucket, type S3PlatformBucket } from '../../support/s3-platform-bucket.js';
import { RegistryWorld } from './registry-world.js';

const MIB = 1024 * 1024;
const LIMIT = 16 * MIB;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('model artifacts through the API (S3 store, against s3rver)', () => {
  let s3: S3PlatformBucket;
  let world: RegistryWorld;
  let modelId: string;

  beforeAll(async () => {
    s3 = await startS3PlatformBucket('artifacts');
    world = await RegistryWorld.start({
      ...s3.settings,
      MODEL_ARTIFACT_MAX_BYTES: String(LIMIT),
    });
    modelId = (await world.model('s3-model')).id;
  });
  afterAll(async () => {
    await world?.close();
    await s3?.stop();
  });

  const objectsOf = (versionId: string) => s3.store.list(`model-registry/${world.projectId}/${modelId}/${versionId}/`);

  it('round-trips a multipart artifact with its SHA-256, ranges and a presigned URL', async () => {
    const version = await world.version(modelId);
    const bytes = randomBytes(12 * MIB);
    const uploaded = await world.upload(version.id, bytes);
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as { artifact: { sha256: string } }).artifact.sha256).toBe(sha256(bytes));

    const downloaded = await world.download(version.id);
    expect(downloaded.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(bytes));
    const tail = await world.download(version.id, { range: `bytes=${12 * MIB - 5}-` });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(12 * MIB - 5));

    const presigned = await world.editor.client.call(
      'GET',
      `/api/v1/model-versions/${version.id}/artifact/download-url`,
    );
    expect(presigned.status).toBe(200);
    const direct = await fetch(presigned.body.url as string, {
      headers: presigned.body.headers as Record<string, string>,
    });
    expect(sha256(Buffer.from(await direct.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('answers 409 to a second upload and 413 over the limit, leaving no extra object', async () => {
    const version = await world.version(modelId);
    expect((await world.upload(version.id, randomBytes(1000))).status).toBe(200);
    expect((await world.upload(version.id, randomBytes(1000))).status).toBe(409);
    expect((await objectsOf(version.id)).items).toHaveLength(1);

    const refused = await world.version(modelId);
    expect((await world.upload(refused.id, randomBytes(LIMIT + 1))).status).toBe(413);
    expect((await objectsOf(refused.id)).items).toEqual([]);
    const after = await world.editor.client.call('GET', `/api/v1/model-versions/${refused.id}`);
    expect(after.body).toMatchObject({ status: 'PendingArtifact', artifact: null });
  });
});
