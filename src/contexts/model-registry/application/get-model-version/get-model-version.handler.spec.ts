import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { GetModelVersionHandler } from './get-model-version.handler.js';

describe('GetModelVersionHandler', () => {
  it('answers one version, and not found for an unknown one', async () => {
    const ports = fakeModelRegistryPorts();
    const handler = new GetModelVersionHandler(ports.versions);
    const version = aVersion(aModel());
    ports.versions.add(version);

    expect((await handler.execute({ versionId: version.id })).id).toBe(version.id);
    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
