import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { ServingNeedsApproval } from '../../domain/errors.js';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import type { ModelVersionStatus } from '../../domain/version/model-version-status.js';
import { LinkServingHandler } from './link-serving.handler.js';

function arrange(status: ModelVersionStatus = 'Approved') {
  const ports = fakeModelRegistryPorts();
  const version = aVersion(aModel(), status);
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

  it.each<ModelVersionStatus>(['PendingArtifact', 'PendingManualApproval', 'Rejected', 'Archived'])(
    'refuses to link a %s version to an endpoint, naming the rule, and records nothing',
    async (status) => {
      const { ports, version, handler } = arrange(status);

      const refusal = handler.execute({ versionId: version.id, serving });

      await expect(refusal).rejects.toBeInstanceOf(ServingNeedsApproval);
      await expect(refusal).rejects.toMatchObject({ kind: 'conflict', type: 'serving-needs-approval' });
      expect(ports.versions.rows.get(version.id)?.state.serving).toBeUndefined();
    },
  );

  it('forgets the link of a version that is no longer approved', async () => {
    const ports = fakeModelRegistryPorts();
    const version = aVersion(aModel(), 'Approved');
    version.linkServing(serving, new Date());
    version.archive(new Date());
    ports.versions.add(version);

    await new LinkServingHandler(ports.transaction, ports.versions).execute({
      versionId: version.id,
      serving: undefined,
    });

    expect(ports.versions.rows.get(version.id)?.state.serving).toBeUndefined();
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ versionId: 'missing', serving })).rejects.toBeInstanceOf(NotFoundError);
  });
});
