import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { VersionHoldsAlias, VersionStatusConflict } from '../../domain/errors.js';
import { ArchiveModelVersionHandler } from './archive-model-version.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const handler = new ArchiveModelVersionHandler(ports.transaction, ports.versions, ports.aliases, ports.events);
  return { ports, handler, model: aModel() };
}

describe('ArchiveModelVersionHandler', () => {
  it('archives a version no alias names and publishes the archival', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'Rejected');
    ports.versions.add(version);

    const archived = await handler.execute({ versionId: version.id });

    expect(ports.versions.rows.get(version.id)?.state.status).toBe('Archived');
    expect(ports.versions.locks).toEqual(['update']);
    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.model-version.archived.v1',
        payload: {
          versionId: version.id,
          modelId: model.id,
          projectId: model.projectId,
          versionNumber: version.snapshot.number,
        },
        subject: { aggregateId: version.id, aggregateVersion: archived.version },
      },
    ]);
  });

  it('refuses to archive a version any alias names, listing the aliases', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'Approved');
    ports.versions.add(version);
    await ports.aliases.point(model.id, 'champion', version.id);
    await ports.aliases.point(model.id, 'shadow', version.id);

    const refusal = await handler.execute({ versionId: version.id }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(VersionHoldsAlias);
    expect((refusal as VersionHoldsAlias).message).toContain('champion, shadow');
    expect(ports.versions.rows.get(version.id)?.state.status).toBe('Approved');
    expect(ports.events.published).toEqual([]);
  });

  it('refuses to archive a version twice', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'Archived');
    ports.versions.add(version);

    await expect(handler.execute({ versionId: version.id })).rejects.toBeInstanceOf(VersionStatusConflict);
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
