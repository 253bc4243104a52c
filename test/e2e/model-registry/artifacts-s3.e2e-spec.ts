import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createS3Client, S3ObjectStore } from '@libs/storage';
import {
  S3RVER_CREDENTIALS,
  startS3TestServer,
  type S3TestServer,
} from '../../integration/storage/support/s3-test-server.js';
import { RegistryWorld } from './registry-world.js';

const MIB = 1024 * 1024;
const LIMIT = 16 * MIB;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('model artifacts through the API (S3 store, against s3rver)', () => {
  let server: S3TestServer;
  let world: RegistryWorld;
  let store: S3ObjectStore;
  let modelId: string;

  beforeAll(async () => {
    server = await startS3TestServer();
    const bucket = `artifacts-${randomUUID().slice(0, 8)}`;
    const connection = {
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    };
    const client = createS3Client(connection);
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store = new S3ObjectStore({ client, bucket });
    world = await RegistryWorld.start({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: server.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      MODEL_ARTIFACT_MAX_BYTES: String(LIMIT),
    });
    modelId = (await world.model('s3-model')).id;
  });
  afterAll(async () => {
    await world?.close();
    await store?.close();
    await server?.stop();
  });

  const objectsOf = (versionId: string) => store.list(`model-registry/${world.projectId}/${modelId}/${versionId}/`);

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
