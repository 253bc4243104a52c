import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemoryObjectStore } from '../../../../../test/support/model-registry/fake-object-store.js';
import { GetProjectObjectHandler } from './get-project-object.handler.js';

const PROJECT = '01900000-0000-7000-8000-00000000000a';
const OTHER_PROJECT = '01900000-0000-7000-8000-00000000000b';

async function arrange() {
  const store = new InMemoryObjectStore();
  const bytes = Buffer.from('weights');
  await store.put(`project-objects/${PROJECT}/runs/model.onnx`, Readable.from([bytes]), { maxBytes: 100 });
  return { store, handler: new GetProjectObjectHandler(store) };
}

describe('GetProjectObjectHandler', () => {
  it("streams one of the project's objects", async () => {
    const { handler } = await arrange();

    const download = await handler.execute({ projectId: PROJECT, key: 'runs/model.onnx' });

    expect(download.contentLength).toBe(7);
    expect(await text(download.body)).toBe('weights');
  });

  it("answers another project's object as missing, named by the caller's key only", async () => {
    const { handler } = await arrange();

    const refusal = handler.execute({ projectId: OTHER_PROJECT, key: 'runs/model.onnx' });

    await expect(refusal).rejects.toBeInstanceOf(NotFoundError);
    await expect(refusal).rejects.toThrow('Object runs/model.onnx was not found');
  });

  it('refuses a key that would leave the project', async () => {
    const { handler } = await arrange();

    await expect(handler.execute({ projectId: OTHER_PROJECT, key: `../${PROJECT}/runs/model.onnx` })).rejects.toThrow(
      'The object key is invalid',
    );
  });
});
