import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import type { NewUser } from '../user-management/auth-client.js';
import { RegistryWorld } from './registry-world.js';

const LIMIT = 4096;

describe('objects uploaded for a project’s tasks', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem({ MODEL_ARTIFACT_MAX_BYTES: String(LIMIT) });
  });
  afterAll(() => world?.close());

  const objectUrl = (key: string, projectId = world.projectId) =>
    `${world.app.url}/api/v1/projects/${projectId}/objects/${key}`;
  const put = (
    key: string,
    bytes: Uint8Array,
    as: NewUser = world.editor,
    projectId?: string,
    type = 'application/octet-stream',
  ) =>
    fetch(objectUrl(key, projectId), {
      method: 'PUT',
      headers: { authorization: `Bearer ${as.tokens.accessToken}`, 'content-type': type },
      body: bytes,
    });
  const get = (key: string, as: NewUser = world.editor, projectId?: string) =>
    fetch(objectUrl(key, projectId), { headers: { authorization: `Bearer ${as.tokens.accessToken}` } });

  it('stores an object under a key with slashes, answers the URI a task registers from, and gives it back', async () => {
    const bytes = randomBytes(3000);

    const stored = await put('runs/42/model.onnx', bytes);

    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({
      key: 'runs/42/model.onnx',
      uri: `objects:///project-objects/${world.projectId}/runs/42/model.onnx`,
      sizeBytes: 3000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'application/octet-stream',
    });
    const read = await get('runs/42/model.onnx', world.owner);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-length')).toBe('3000');
    expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers the presigned URL routes with 409 naming the S3 driver they need', async () => {
    expect((await put('presign/me.bin', randomBytes(10))).status).toBe(200);
    const base = `/api/v1/projects/${world.projectId}`;
    const upload = await world.editor.client.call('POST', `${base}/object-upload-url`, {
      key: 'presign/me.bin',
      contentLength: 10,
    });
    const download = await world.editor.client.call('GET', `${base}/object-download-url?key=presign/me.bin`);
    for (const answer of [upload, download]) {
      expect(answer.status).toBe(409);
      expect(answer.body.type).toBe('/problems/presigned-url-unavailable');
      expect(answer.body.detail).toMatch(/need the S3 storage driver/);
    }
  });

  it('refuses an object over the limit with 413 and keeps nothing of it', async () => {
    const refused = await put('too/big.bin', randomBytes(LIMIT + 1));

    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/object-too-large');
    expect((await get('too/big.bin')).status).toBe(404);
  });

  it('refuses a key outside the allowed characters with 400 naming the key, and a body of another type with 415', async () => {
    const badKey = await put('white%20space/model.onnx', Buffer.from('x'));
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toMatchObject({ errors: [{ field: 'key' }] });

    expect((await put('model.json', Buffer.from('{}'), world.editor, undefined, 'application/json')).status).toBe(415);
  });

  it("answers 404 for another project's objects, whoever asks and through whichever project", async () => {
    expect((await put('shared/model.onnx', Buffer.from('ours'))).status).toBe(200);

    expect((await get('shared/model.onnx', world.outsider)).status).toBe(404);
    expect((await put('shared/model.onnx', Buffer.from('theirs'), world.outsider)).status).toBe(404);
    expect((await get('shared/model.onnx', world.outsider, world.outsiderProjectId)).status).toBe(404);
    const ours = await get('shared/model.onnx');
    expect(await ours.text()).toBe('ours');
  });
});
