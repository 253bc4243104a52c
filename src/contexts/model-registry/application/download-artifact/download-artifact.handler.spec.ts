import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import { InMemoryObjectStore } from '../../../../../test/support/model-registry/fake-object-store.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { DownloadArtifactHandler } from './download-artifact.handler.js';

async function arrange() {
  const store = new InMemoryObjectStore();
  const { artifact } = aVersion(aModel());
  await store.put(artifact!.key, Readable.from([Buffer.from('abcdef')]), { maxBytes: 10 });
  return { artifact: artifact!, handler: new DownloadArtifactHandler(store) };
}

describe('DownloadArtifactHandler', () => {
  it('opens the bytes of a version artifact', async () => {
    const { artifact, handler } = await arrange();

    const download = await handler.execute({ artifact });

    expect(await text(download.body)).toBe('abcdef');
  });

  it('opens only the range asked for', async () => {
    const { artifact, handler } = await arrange();

    const download = await handler.execute({ artifact, range: { start: 1, end: 3 } });

    expect(await text(download.body)).toBe('bcd');
  });
});
