import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { LinkServingHandler } from './link-serving.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const version = aVersion(aModel(), 'Approved');
  ports.versions.add(version);
  return { ports, version, handler: new LinkServingHandler(ports.transaction, ports.versions) };
}

const serving = { endpointName: 'churn-prod', variantName: 'AllTraffic', region: 'eu-west-1' };

describe('LinkServingHandler', () => {
  it('records the endpoint variant serving a version, holding the version for update', async () => {
    const { ports, version, handler } = arrange();

    await handler.execute({ versionId: version.id, serving });

    expect(ports.versions.rows.get(version.id)?.state.serving).toEqual(serving);
    expect(ports.versions.locks).toEqual(['update']);
  });

  it('forgets the link when given none', async () => {
    const { ports, version, handler } = arrange();
    await handler.execute({ versionId: version.id, serving });

    await handler.execute({ versionId: version.id, serving: undefined });

    expect(ports.versions.rows.get(version.id)?.state.serving).toBeUndefined();
  });

  it('refuses a name SageMaker would not accept and keeps the old link', async () => {
    const { ports, version, handler } = arrange();
    await handler.execute({ versionId: version.id, serving });

    await expect(
      handler.execute({ versionId: version.id, serving: { ...serving, region: 'mars' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(ports.versions.rows.get(version.id)?.state.serving).toEqual(serving);
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ versionId: 'missing', serving })).rejects.toBeInstanceOf(NotFoundError);
  });
});
