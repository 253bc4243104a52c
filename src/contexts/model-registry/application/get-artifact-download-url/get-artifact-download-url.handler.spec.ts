import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { PresignedUrlUnavailable } from '../../domain/errors.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import { GetArtifactDownloadUrlHandler } from './get-artifact-download-url.handler.js';

function arrange(options: { signsUrls: boolean }) {
  const ports = fakeModelRegistryPorts();
  const version = aVersion(aModel());
  ports.versions.add(version);
  const store = new InMemoryObjectStore(options.signsUrls);
  return {
    ports,
    version,
    handler: new GetArtifactDownloadUrlHandler(ports.versions, new PresignedUrls(store, new FakeArtifactSettings())),
  };
}

describe('GetArtifactDownloadUrlHandler', () => {
  it('signs a download URL, or says the store cannot', async () => {
    const signing = arrange({ signsUrls: true });
    const unsigned = arrange({ signsUrls: false });

    expect((await signing.handler.execute({ versionId: signing.version.id })).method).toBe('GET');
    await expect(unsigned.handler.execute({ versionId: unsigned.version.id })).rejects.toBeInstanceOf(
      PresignedUrlUnavailable,
    );
  });

  it('answers not found for a version without an artifact', async () => {
    const { ports, handler } = arrange({ signsUrls: true });
    const pending = aVersion(aModel(), 'PendingArtifact');
    ports.versions.add(pending);

    await expect(handler.execute({ versionId: pending.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
