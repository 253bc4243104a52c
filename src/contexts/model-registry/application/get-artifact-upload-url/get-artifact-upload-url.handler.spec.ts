import { describe, expect, it } from '@jest/globals';
import { ObjectTooLargeError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { ArtifactAlreadyUploaded, PresignedUrlUnavailable } from '../../domain/errors.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import { GetArtifactUploadUrlHandler } from './get-artifact-upload-url.handler.js';

function arrange(signsUrls = true) {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  const settings = new FakeArtifactSettings(1000);
  const store = new InMemoryObjectStore(signsUrls);
  const handler = new GetArtifactUploadUrlHandler(ports.versions, new PresignedUrls(store, settings), settings);
  return { ports, model, handler };
}

describe('GetArtifactUploadUrlHandler', () => {
  it('signs a PUT of the exact length under a key of its own, living no longer than the setting', async () => {
    const { ports, model, handler } = arrange();
    const version = aVersion(model, 'PendingArtifact');
    ports.versions.add(version);
    const query = { versionId: version.id, contentLength: 10, contentType: 'application/x-onnx' };

    const first = await handler.execute({ ...query, expiresInSeconds: 100_000 });
    const second = await handler.execute({ ...query, expiresInSeconds: 60 });

    expect(first.presigned).toMatchObject({
      method: 'PUT',
      headers: { 'content-length': '10', 'content-type': 'application/x-onnx' },
    });
    expect(first.presigned.url).toContain(
      `model-registry/${model.projectId}/${model.id}/${version.id}/${first.uploadId}`,
    );
    expect(first.uploadId).not.toBe(second.uploadId);
    expect(first.presigned.expiresAt.getTime()).toBe(300_000);
    expect(second.presigned.expiresAt.getTime()).toBe(60_000);
  });

  it('refuses a version with its artifact, a length over the limit, and a store that cannot sign', async () => {
    const { ports, model, handler } = arrange();
    const approved = aVersion(model, 'Approved');
    const pending = aVersion(model, 'PendingArtifact');
    ports.versions.add(approved);
    ports.versions.add(pending);
    const query = { contentLength: 10, contentType: 'text/plain' };
    await expect(handler.execute({ ...query, versionId: approved.id })).rejects.toBeInstanceOf(ArtifactAlreadyUploaded);
    await expect(handler.execute({ ...query, versionId: pending.id, contentLength: 1001 })).rejects.toBeInstanceOf(
      ObjectTooLargeError,
    );

    const unsigned = arrange(false);
    unsigned.ports.versions.add(pending);
    await expect(unsigned.handler.execute({ ...query, versionId: pending.id })).rejects.toBeInstanceOf(
      PresignedUrlUnavailable,
    );
  });
});
