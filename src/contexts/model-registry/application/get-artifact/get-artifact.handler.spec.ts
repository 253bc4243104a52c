import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { GetArtifactHandler } from './get-artifact.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new GetArtifactHandler(ports.versions) };
}

describe('GetArtifactHandler', () => {
  it('answers the artifact recorded on a version', async () => {
    const { ports, handler } = arrange();
    const version = aVersion(aModel());
    ports.versions.add(version);

    expect(await handler.execute({ versionId: version.id })).toEqual(version.artifact);
  });

  it('answers not found for a version without an artifact, or an unknown version', async () => {
    const { ports, handler } = arrange();
    const pending = aVersion(aModel(), 'PendingArtifact');
    ports.versions.add(pending);

    await expect(handler.execute({ versionId: pending.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
