import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ObjectTooLargeError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { registryServices } from '../../../../../test/support/model-registry/registry-services.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { ArtifactAlreadyUploaded, ArtifactUploadMissing } from '../../domain/errors.js';
import { GetArtifactUploadUrlHandler } from '../get-artifact-upload-url/get-artifact-upload-url.handler.js';
import { PresignedUrls } from '../services/presigned-urls.js';
import { CompleteArtifactUploadHandler } from './complete-artifact-upload.handler.js';

const UPLOADER = 'uploader';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const store = new InMemoryObjectStore();
  const settings = new FakeArtifactSettings(8);
  const { artifactAttachment } = registryServices(ports, store, settings);
  const version = aVersion(aModel(), 'PendingArtifact');
  ports.versions.add(version);
  const urls = new GetArtifactUploadUrlHandler(ports.versions, new PresignedUrls(store, settings), settings);
  const handler = new CompleteArtifactUploadHandler(ports.versions, store, settings, artifactAttachment);
  const complete = (uploadId: string) => handler.execute({ versionId: version.id, uploadId, actorId: UPLOADER });
  return { ports, store, version, urls, complete };
}

describe('CompleteArtifactUploadHandler', () => {
  it('records what was PUT to the upload URL with the size and SHA-256 read back from the store', async () => {
    const { ports, store, version, urls, complete } = arrange();
    const { uploadId, presigned } = await urls.execute({
      versionId: version.id,
      contentLength: 4,
      contentType: 'application/x-onnx',
    });
    store.putDirectly(presigned.url, Buffer.from('onnx'), 'application/x-onnx');

    const completed = await complete(uploadId);

    expect(completed.status).toBe('PendingManualApproval');
    expect(ports.versions.rows.get(version.id)?.state.artifact).toMatchObject({
      sizeBytes: 4,
      sha256: createHash('sha256').update('onnx').digest('hex'),
      contentType: 'application/x-onnx',
      uploadedBy: UPLOADER,
    });
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'model-registry.model-version.artifact-uploaded.v1',
    ]);
    expect((await complete(uploadId)).version).toBe(completed.version);
  });

  it('refuses an upload whose bytes never arrived, and one for a version that has its artifact', async () => {
    const { store, version, urls, complete } = arrange();
    const first = await urls.execute({ versionId: version.id, contentLength: 4, contentType: 'text/plain' });
    await expect(complete(first.uploadId)).rejects.toBeInstanceOf(ArtifactUploadMissing);

    const second = await urls.execute({ versionId: version.id, contentLength: 4, contentType: 'text/plain' });
    store.putDirectly(first.presigned.url, Buffer.from('won!'));
    store.putDirectly(second.presigned.url, Buffer.from('lost'));
    await complete(first.uploadId);
    await expect(complete(second.uploadId)).rejects.toBeInstanceOf(ArtifactAlreadyUploaded);
  });

  it('deletes and refuses an object over the limit, however it got there', async () => {
    const { store, version, urls, complete } = arrange();
    const { uploadId, presigned } = await urls.execute({ versionId: version.id, contentLength: 8, contentType: 'x/y' });
    store.putDirectly(presigned.url, Buffer.from('nine bytes'));
    await expect(complete(uploadId)).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(store.objects.size).toBe(0);
  });
});
