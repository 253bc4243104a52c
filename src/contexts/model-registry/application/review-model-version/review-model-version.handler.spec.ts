import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import fc from 'fast-check';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion, REGISTRANT, REVIEWER } from '../../../../../test/support/model-registry/registry-objects.js';
import { SelfApprovalForbidden, VersionHoldsAlias, VersionStatusConflict } from '../../domain/errors.js';
import { ModelVersion } from '../../domain/version/model-version.js';
import { ReviewModelVersionHandler } from './review-model-version.handler.js';

function arrange(options: { protectedAliases?: string[] } = {}) {
  const ports = fakeModelRegistryPorts();
  const handler = new ReviewModelVersionHandler(
    ports.transaction,
    ports.models,
    ports.versions,
    ports.aliases,
    ports.settings,
    ports.events,
  );
  const model = aModel(options);
  ports.models.add(model);
  return { ports, handler, model };
}

describe('ReviewModelVersionHandler', () => {
  it('approves a version a reviewer other than the registrant reviews, and publishes the approval', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    const reviewed = await handler.execute({
      versionId: version.id,
      decision: 'Approved',
      comment: 'ok',
      actorId: REVIEWER,
    });

    expect(reviewed.status).toBe('Approved');
    expect(ports.versions.rows.get(version.id)?.state.approvals.map((a) => a.decidedBy)).toEqual([REVIEWER]);
    expect(ports.versions.locks).toEqual(['update']);
    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.model-version.approved.v1',
        payload: expect.objectContaining({
          versionId: version.id,
          modelId: model.id,
          decidedBy: REVIEWER,
          comment: 'ok',
        }),
        subject: { aggregateId: version.id, aggregateVersion: reviewed.version },
      },
    ]);
  });

  it('refuses approval by the registrant and saves nothing', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    await expect(
      handler.execute({ versionId: version.id, decision: 'Approved', comment: '', actorId: REGISTRANT }),
    ).rejects.toBeInstanceOf(SelfApprovalForbidden);
    expect(ports.versions.rows.get(version.id)?.state.status).toBe('PendingManualApproval');
    expect(ports.events.published).toEqual([]);
  });

  it('lets the registrant approve when the project relaxed four eyes', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);
    await ports.settings.save({ projectId: model.projectId, selfApprovalAllowed: true });

    const reviewed = await handler.execute({
      versionId: version.id,
      decision: 'Approved',
      comment: '',
      actorId: REGISTRANT,
    });

    expect(reviewed.status).toBe('Approved');
  });

  it('rejects a version and publishes the rejection', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'Approved');
    ports.versions.add(version);

    const reviewed = await handler.execute({
      versionId: version.id,
      decision: 'Rejected',
      comment: 'drift',
      actorId: REVIEWER,
    });

    expect(reviewed.status).toBe('Rejected');
    expect(ports.events.published.map((event) => event.type)).toEqual(['model-registry.model-version.rejected.v1']);
  });

  it('refuses to reject the version a protected alias names', async () => {
    const { ports, handler, model } = arrange({ protectedAliases: ['champion'] });
    const version = aVersion(model, 'Approved');
    ports.versions.add(version);
    await ports.aliases.point(model.id, 'champion', version.id);

    await expect(
      handler.execute({ versionId: version.id, decision: 'Rejected', comment: '', actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(VersionHoldsAlias);
    expect(ports.versions.rows.get(version.id)?.state.status).toBe('Approved');
    expect(ports.events.published).toEqual([]);
  });

  it('rejects the holder of an unprotected alias', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'Approved');
    ports.versions.add(version);
    await ports.aliases.point(model.id, 'challenger', version.id);

    const reviewed = await handler.execute({
      versionId: version.id,
      decision: 'Rejected',
      comment: '',
      actorId: REVIEWER,
    });

    expect(reviewed.status).toBe('Rejected');
  });

  it('refuses to review a version that has no artifact yet', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model, 'PendingArtifact');
    ports.versions.add(version);

    await expect(
      handler.execute({ versionId: version.id, decision: 'Approved', comment: '', actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(VersionStatusConflict);
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(
      handler.execute({ versionId: 'missing', decision: 'Approved', comment: '', actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('approves exactly when the reviewer neither registered nor uploaded the version, or the project relaxed four eyes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(REGISTRANT, 'uploader', REVIEWER), fc.boolean(), async (actorId, relaxed) => {
        const { ports, handler, model } = arrange();
        const version = ModelVersion.register({
          modelId: model.id,
          projectId: model.projectId,
          number: 1,
          framework: 'onnx',
          registeredBy: REGISTRANT,
        });
        version.attachArtifact({
          key: 'k',
          sizeBytes: 1,
          sha256: 'a',
          contentType: 'application/octet-stream',
          uploadedBy: 'uploader',
          uploadedAt: new Date(),
        });
        ports.versions.add(version);
        await ports.settings.save({ projectId: model.projectId, selfApprovalAllowed: relaxed });

        const outcome = await handler
          .execute({ versionId: version.id, decision: 'Approved', comment: '', actorId })
          .catch((error: unknown) => error);

        if (relaxed || actorId === REVIEWER) expect(ports.versions.rows.get(version.id)?.state.status).toBe('Approved');
        else expect(outcome).toBeInstanceOf(SelfApprovalForbidden);
      }),
    );
  });
});
