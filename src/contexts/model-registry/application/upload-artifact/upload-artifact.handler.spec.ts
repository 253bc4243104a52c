import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ObjectTooLargeError } from '@libs/storage/ports';
import {
  FakeArtifactSettings,
  InMemoryObjectStore,
} from '../../../../../test/support/model-registry/fake-object-store.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { registryServices } from '../../../../../test/support/model-registry/registry-services.js';
import { aModel, aVersion, REGISTRANT } from '../../../../../test/support/model-registry/registry-objects.js';
import { ArtifactAlreadyUploaded, VersionStatusConflict } from '../../domain/errors.js';
import { UploadArtifactHandler } from './upload-artifact.handler.js';

const UPLOADER = 'uploader';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const store = new InMemoryObjectStore();
  const { artifactAttachment } = registryServices(ports, store, new FakeArtifactSettings(8));
  const handler = new UploadArtifactHandler(ports.versions, artifactAttachment);
  return { ports, store, handler, attachment: artifactAttachment, model: aModel() };
}

const upload = (versionId: string, bytes = 'onnx') => ({
  versionId,
  body: Readable.from([Buffer.from(bytes)]),
  contentType: 'application/octet-stream',
  actorId: UPLOADER,
});

describe('UploadArtifactHandler', () => {
  it('stores the bytes under a key of the version, records the artifact and publishes the upload', async () => {
    const { ports, store, handler, model } = arrange();
    const version = aVersion(model, 'PendingArtifact');
    ports.versions.add(version);

    const uploaded = await handler.execute(upload(version.id));

    const artifact = ports.versions.rows.get(version.id)?.state.artifact;
    expect(uploaded.status).toBe('PendingManualApproval');
    expect(artifact).toMatchObject({ sizeBytes: 4, uploadedBy: UPLOADER });
    expect(artifact?.key.startsWith(`model-registry/${model.projectId}/${model.id}/${version.id}/`)).toBe(true);
    expect(store.objects.get(artifact!.key)?.bytes.toString()).toBe('onnx');
    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.model-version.artifact-uploaded.v1',
        payload: expect.objectContaining({
          versionId: version.id,
          sizeBytes: 4,
          sha256: artifact?.sha256,
          uploadedBy: UPLOADER,
        }),
        subject: { aggregateId: version.id, aggregateVersion: uploaded.version },
      },
    ]);
  });

  it('refuses a second artifact before it stores a byte', async () => {
    const { ports, store, handler, model } = arrange();
    const version = aVersion(model, 'Approved');
    ports.versions.add(version);

    await expect(handler.execute(upload(version.id))).rejects.toBeInstanceOf(ArtifactAlreadyUploaded);
    expect(store.objects.size).toBe(0);
  });

  it('refuses an artifact for an archived version', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'PendingArtifact');
    version.archive(new Date());
    ports.versions.add(version);

    await expect(handler.execute(upload(version.id))).rejects.toBeInstanceOf(VersionStatusConflict);
  });

  it('deletes its object when the commit loses to an upload that committed first', async () => {
    const { ports, store, handler, attachment, model } = arrange();
    const version = aVersion(model, 'PendingArtifact');
    ports.versions.add(version);
    const loaded = await ports.versions.find(version.id);
    await handler.execute(upload(version.id, 'first'));

    await expect(
      attachment.attach(loaded!, upload(version.id, 'second').body, upload(version.id)),
    ).rejects.toBeInstanceOf(ArtifactAlreadyUploaded);
    expect([...store.objects.values()].map(({ bytes }) => bytes.toString())).toEqual(['first']);
  });

  it('passes on the store refusal of an artifact over the limit and leaves the version waiting', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'PendingArtifact', { registeredBy: REGISTRANT });
    ports.versions.add(version);

    await expect(handler.execute(upload(version.id, 'more than eight bytes'))).rejects.toBeInstanceOf(
      ObjectTooLargeError,
    );
    expect(ports.versions.rows.get(version.id)?.state.status).toBe('PendingArtifact');
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute(upload('missing'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
