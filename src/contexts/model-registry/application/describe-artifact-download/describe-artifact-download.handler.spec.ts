import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { ObjectNotFoundError } from '@libs/storage/ports';
import { InMemoryObjectStore } from '../../../../../test/support/model-registry/fake-object-store.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { DescribeArtifactDownloadHandler } from './describe-artifact-download.handler.js';

async function arrange(options: { storeBytes: boolean }) {
  const store = new InMemoryObjectStore();
  const { artifact } = aVersion(aModel());
  if (options.storeBytes) await store.put(artifact!.key, Readable.from([Buffer.from('abc')]), { maxBytes: 10 });
  return { artifact: artifact!, handler: new DescribeArtifactDownloadHandler(store) };
}

describe('DescribeArtifactDownloadHandler', () => {
  it('describes the length of a range, or of the whole artifact, without reading it', async () => {
    const { artifact, handler } = await arrange({ storeBytes: true });

    expect(await handler.execute({ artifact })).toEqual({ contentLength: artifact.sizeBytes, range: undefined });
    expect((await handler.execute({ artifact, range: { start: 1, end: 2 } })).contentLength).toBe(2);
  });

  it('fails to describe an artifact whose object is gone, as opening it would', async () => {
    const { artifact, handler } = await arrange({ storeBytes: false });

    await expect(handler.execute({ artifact })).rejects.toBeInstanceOf(ObjectNotFoundError);
  });
});
