import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { moveAliasHandler } from '../../../../../test/support/model-registry/move-alias-handler.js';
import { aModel, aVersion, REVIEWER, withPolicy } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelCard } from '../../domain/card/model-card.js';
import { AliasExists, PromotionRefused } from '../../domain/errors.js';

function arrange(options: { protectedAliases?: string[] } = {}) {
  const ports = fakeModelRegistryPorts();
  const handler = moveAliasHandler(ports);
  const model = aModel(options);
  ports.models.add(model);
  return { ports, handler, model };
}

const refusedRules = (error: unknown) => (error as PromotionRefused).failedRules.map((failed) => failed.rule);

describe('MoveAliasHandler', () => {
  it('creates an alias on a servable version and publishes the move', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    const alias = await handler.execute({
      modelId: model.id,
      alias: 'challenger',
      versionId: version.id,
      actorId: REVIEWER,
    });

    expect(alias.version).toBe(1);
    expect((await ports.aliases.find(model.id, 'challenger'))?.versionId).toBe(version.id);
    // The source run is looked up first, unlocked and outside the transaction; the gate reads under FOR SHARE.
    expect(ports.versions.locks).toEqual([undefined, 'share']);
    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.alias.moved.v1',
        payload: {
          modelId: model.id,
          projectId: model.projectId,
          alias: 'challenger',
          versionId: version.id,
          versionNumber: version.snapshot.number,
          previousVersionId: null,
          aliasVersion: 1,
        },
        subject: { aggregateId: model.id },
      },
    ]);
  });

  it('moves an existing alias at the version named by If-Match and reports the previous holder', async () => {
    const { ports, handler, model } = arrange();
    const [first, second] = [aVersion(model), aVersion(model)];
    ports.versions.add(first, second);
    const current = await ports.aliases.point(model.id, 'challenger', first.id);

    const moved = await handler.execute({
      modelId: model.id,
      alias: 'challenger',
      versionId: second.id,
      expectedVersion: current.version,
      actorId: REVIEWER,
    });

    expect(moved.version).toBe(current.version + 1);
    expect(ports.events.published[0]?.payload).toMatchObject({ versionId: second.id, previousVersionId: first.id });
  });

  it('refuses to create an alias that exists', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);
    await ports.aliases.point(model.id, 'challenger', version.id);

    await expect(
      handler.execute({ modelId: model.id, alias: 'challenger', versionId: version.id, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(AliasExists);
  });

  it('refuses a move whose If-Match names a stale alias version, or an alias that does not exist', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);
    const move = { modelId: model.id, alias: 'challenger', versionId: version.id, actorId: REVIEWER };

    await expect(handler.execute({ ...move, expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
    await ports.aliases.point(model.id, 'challenger', version.id);
    await expect(handler.execute({ ...move, expectedVersion: 7 })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(ports.events.published).toEqual([]);
  });

  it('answers not found for an unknown model, an unknown version, or a version of another model', async () => {
    const { ports, handler, model } = arrange();
    const other = aModel({ name: 'other' });
    const foreign = aVersion(other);
    ports.models.add(other);
    ports.versions.add(foreign);

    await expect(
      handler.execute({ modelId: 'missing', alias: 'a', versionId: foreign.id, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute({ modelId: model.id, alias: 'a', versionId: 'missing', actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute({ modelId: model.id, alias: 'a', versionId: foreign.id, actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an invalid alias name before it opens a transaction', async () => {
    const { ports, handler, model } = arrange();

    // The name is checked before the transaction, so the throw may come before any promise.
    await expect(async () =>
      handler.execute({ modelId: model.id, alias: 'not a name!', versionId: 'v', actorId: REVIEWER }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(ports.transaction.runs).toBe(0);
  });

  it('keeps an unapproved version off a protected alias', async () => {
    const { ports, handler, model } = arrange({ protectedAliases: ['champion'] });
    const version = aVersion(model);
    ports.versions.add(version);

    const refusal = await handler
      .execute({ modelId: model.id, alias: 'champion', versionId: version.id, actorId: REVIEWER })
      .catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(PromotionRefused);
    expect(refusedRules(refusal)).toEqual(['protected-alias']);
    expect(await ports.aliases.find(model.id, 'champion')).toBeUndefined();
  });

  it('keeps a version without an artifact, or an archived one, off any alias', async () => {
    const { ports, handler, model } = arrange();
    const [pending, archived] = [aVersion(model, 'PendingArtifact'), aVersion(model, 'Archived')];
    ports.versions.add(pending, archived);

    for (const version of [pending, archived]) {
      const refusal = await handler
        .execute({ modelId: model.id, alias: 'challenger', versionId: version.id, actorId: REVIEWER })
        .catch((error: unknown) => error);
      expect(refusedRules(refusal)).toContain('servable');
    }
  });

  it('lists every rule of the policy the candidate fails', async () => {
    const { ports, handler, model } = arrange();
    withPolicy(model, 'champion', [
      { rule: 'approved' },
      { rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.9 },
      { rule: 'lineage-complete' },
      { rule: 'model-card-final' },
    ]);
    ports.models.add(model);
    const version = aVersion(model, 'PendingManualApproval', { metrics: { auc: 0.8 } });
    ports.versions.add(version);

    const refusal = await handler
      .execute({ modelId: model.id, alias: 'champion', versionId: version.id, actorId: REVIEWER })
      .catch((error: unknown) => error);

    expect(refusedRules(refusal)).toEqual(['approved', 'metric auc >= 0.9', 'lineage-complete', 'model-card-final']);
  });

  it('refuses lineage-complete for a source run the lineage graph never recorded, and passes a recorded one', async () => {
    const { ports, handler, model } = arrange();
    withPolicy(model, 'champion', [{ rule: 'lineage-complete' }]);
    ports.models.add(model);
    const madeUp = aVersion(model, 'Approved', { lineage: true, sourceRunId: '00000000-0000-4000-8000-000000000000' });
    const recorded = aVersion(model, 'Approved', { lineage: true });
    ports.versions.add(madeUp);
    ports.versions.add(recorded);
    const move = (versionId: string) =>
      handler.execute({ modelId: model.id, alias: 'champion', versionId, actorId: REVIEWER });

    expect(refusedRules(await move(madeUp.id).catch((error: unknown) => error))).toEqual(['lineage-complete']);
    expect((await move(recorded.id)).versionId).toBe(recorded.id);
  });

  it('moves the alias when the candidate passes every rule, its final card included', async () => {
    const { ports, handler, model } = arrange();
    withPolicy(model, 'champion', [{ rule: 'model-card-final' }, { rule: 'lineage-complete' }], true);
    ports.models.add(model);
    const version = aVersion(model, 'Approved', { lineage: true });
    ports.versions.add(version);
    const card = ModelCard.draft(version.id);
    card.finalize(REVIEWER, new Date());
    await ports.cards.save(card);

    const alias = await handler.execute({
      modelId: model.id,
      alias: 'champion',
      versionId: version.id,
      actorId: REVIEWER,
    });

    expect(alias.versionId).toBe(version.id);
  });

  it('compares the candidate with the version the alias names now', async () => {
    const { ports, handler, model } = arrange();
    withPolicy(model, 'champion', [{ rule: 'metric-better-than-current', metric: 'loss', higherIsBetter: false }]);
    ports.models.add(model);
    const holder = aVersion(model, 'Approved', { metrics: { loss: 0.2 } });
    const worse = aVersion(model, 'Approved', { metrics: { loss: 0.3 } });
    const better = aVersion(model, 'Approved', { metrics: { loss: 0.1 } });
    ports.versions.add(holder, worse, better);
    const current = await ports.aliases.point(model.id, 'champion', holder.id);
    const move = { modelId: model.id, alias: 'champion', expectedVersion: current.version, actorId: REVIEWER };

    await expect(handler.execute({ ...move, versionId: worse.id })).rejects.toBeInstanceOf(PromotionRefused);
    const moved = await handler.execute({ ...move, versionId: better.id });

    expect(moved.versionId).toBe(better.id);
  });
});
