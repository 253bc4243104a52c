import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ObjectNotFoundError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { PresignedUrlUnavailable } from '../../domain/errors.js';
import { DownloadArtifactHandler } from './download-artifact.handler.js';

async function arrange(options: { signsUrls?: boolean; storeBytes?: boolean } = {}) {
  const ports = fakeModelRegistryPorts();
  const store = new InMemoryObjectStore(options.signsUrls ?? true);
  const version = aVersion(aModel());
  ports.versions.add(version);
  if (options.storeBytes ?? true) {
    await store.put(version.artifact!.key, Readable.from([Buffer.from('abc')]), { maxBytes: 10 });
  }
  return { ports, version, handler: new DownloadArtifactHandler(ports.versions, store, new FakeArtifactSettings()) };
}

describe('DownloadArtifactHandler', () => {
  it('opens the bytes of a version artifact', async () => {
    const { version, handler } = await arrange();

    const download = await handler.open(await handler.artifactOf(version.id));

    expect(await text(download.body)).toBe('abc');
  });

  it('answers not found for a version without an artifact, or an unknown version', async () => {
    const { ports, handler } = await arrange();
    const pending = aVersion(aModel(), 'PendingArtifact');
    ports.versions.add(pending);

    await expect(handler.artifactOf(pending.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.artifactOf('missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('describes the length of a range, or of the whole artifact, without reading it', async () => {
    const { version, handler } = await arrange();
    const artifact = await handler.artifactOf(version.id);

    expect(await handler.describe(artifact)).toEqual({ contentLength: artifact.sizeBytes, range: undefined });
    expect((await handler.describe(artifact, { start: 1, end: 2 })).contentLength).toBe(2);
  });

  it('fails to describe an artifact whose object is gone, as opening it would', async () => {
    const { version, handler } = await arrange({ storeBytes: false });

    await expect(handler.describe(await handler.artifactOf(version.id))).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('signs a download URL, or says the store cannot', async () => {
    const signing = await arrange();
    const unsigned = await arrange({ signsUrls: false });

    expect((await signing.handler.presignedUrl(signing.version.id)).method).toBe('GET');
    await expect(unsigned.handler.presignedUrl(unsigned.version.id)).rejects.toBeInstanceOf(PresignedUrlUnavailable);
  });
});
