import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { ObjectTooLargeError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { PutProjectObjectHandler } from './put-project-object.handler.js';

const PROJECT = '01900000-0000-7000-8000-00000000000a';

function arrange(maxBytes = 16) {
  const store = new InMemoryObjectStore();
  return { store, handler: new PutProjectObjectHandler(store, new FakeArtifactSettings(maxBytes)) };
}

const put = (key: string, bytes = 'onnx') => ({
  projectId: PROJECT,
  key,
  body: Readable.from([Buffer.from(bytes)]),
  contentType: 'application/octet-stream',
  actorId: 'uploader',
});

describe('PutProjectObjectHandler', () => {
  it("stores the bytes under the project's prefix and answers the URI a task registers from", async () => {
    const { store, handler } = arrange();

    const stored = await handler.execute(put('runs/42/model.onnx'));

    const storeKey = `project-objects/${PROJECT}/runs/42/model.onnx`;
    expect(stored).toMatchObject({ key: 'runs/42/model.onnx', uri: `objects:///${storeKey}`, sizeBytes: 4 });
    expect(store.objects.get(storeKey)?.bytes.toString()).toBe('onnx');
  });

  it('replaces an object of the same key', async () => {
    const { store, handler } = arrange();
    await handler.execute(put('model.onnx', 'first'));

    const second = await handler.execute(put('model.onnx', 'second'));

    expect(second.sizeBytes).toBe(6);
    expect([...store.objects.values()].map(({ bytes }) => bytes.toString())).toEqual(['second']);
  });

  it.each(['../escape', 'a//b', 'trailing/', '', 'spaces are not allowed', './here', `${'x'.repeat(501)}`])(
    'refuses the key %j, naming the key, and stores nothing',
    async (key) => {
      const { store, handler } = arrange();

      const refusal = handler.execute(put(key));

      await expect(refusal).rejects.toBeInstanceOf(ValidationError);
      await expect(refusal).rejects.toMatchObject({ errors: [{ field: 'key', message: expect.any(String) }] });
      expect(store.objects.size).toBe(0);
    },
  );

  it('passes on the refusal of an object over the artifact limit', async () => {
    const { store, handler } = arrange(8);

    await expect(handler.execute(put('big.bin', 'more than eight bytes'))).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(store.objects.size).toBe(0);
  });
});
