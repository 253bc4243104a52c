import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts, InMemoryAliases } from '../../../../../test/support/model-registry/fake-ports.js';
import { aliasMover } from '../../../../../test/support/model-registry/move-alias-handler.js';
import { aModel, aVersion, PROJECT, REGISTRANT } from '../../../../../test/support/model-registry/registry-objects.js';
import { PromotionRefused } from '../../domain/errors.js';
import type { TaskInvocation } from '../services/task-invocation.js';
import { SetAliasFromTaskHandler } from './set-alias-from-task.handler.js';

/** Another move of the alias lands right after the first read of it, as a concurrent request would. */
class RacedAliases extends InMemoryAliases {
  private raced = false;
  override async find(modelId: string, alias: string) {
    const found = await super.find(modelId, alias);
    if (found && !this.raced) {
      this.raced = true;
      const racing = await super.find(modelId, alias);
      racing?.moveTo(found.versionId, 'someone-else', new Date());
      if (racing) await this.save(racing);
    }
    return found;
  }
}

const invocation: TaskInvocation = { projectId: PROJECT, runId: 'run-1', taskId: 'promote', actorId: REGISTRANT };

function arrange() {
  const ports = fakeModelRegistryPorts();
  const handler = new SetAliasFromTaskHandler(ports.models, ports.versions, ports.aliases, aliasMover(ports));
  const model = aModel({ protectedAliases: ['champion'] });
  ports.models.add(model);
  return { ports, handler, model };
}

describe('SetAliasFromTaskHandler', () => {
  it('moves an alias to the version named by number and returns the alias version', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    const outputs = await handler.execute({
      invocation,
      params: {
        model: model.name,
        alias: 'challenger',
        versionNumber: version.snapshot.number,
      },
    });

    expect(outputs).toEqual({ alias: 'challenger', versionId: version.id, aliasVersion: 1 });
    expect((await ports.aliases.find(model.id, 'challenger'))?.snapshot.updatedBy).toBe(REGISTRANT);
  });

  it('moves an alias that exists at its current version', async () => {
    const { ports, handler, model } = arrange();
    const [first, second] = [aVersion(model), aVersion(model)];
    ports.versions.add(first, second);
    await ports.aliases.point(model.id, 'challenger', first.id);

    const outputs = await handler.execute({
      invocation,
      params: { model: model.name, alias: 'challenger', versionId: second.id },
    });

    expect(outputs).toEqual({ alias: 'challenger', versionId: second.id, aliasVersion: 2 });
    expect(ports.events.published[0]?.payload).toMatchObject({ previousVersionId: first.id });
  });

  it('finishes without a second move when a retried task finds the alias already moved', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);
    await ports.aliases.point(model.id, 'challenger', version.id);

    const outputs = await handler.execute({
      invocation,
      params: {
        model: model.name,
        alias: 'challenger',
        versionId: version.id,
      },
    });

    expect(outputs.aliasVersion).toBe(1);
    expect(ports.events.published).toEqual([]);
  });

  it('cannot promote what a person could not: the protected alias refuses an unapproved version', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    await expect(
      handler.execute({ invocation, params: { model: model.name, alias: 'champion', versionId: version.id } }),
    ).rejects.toBeInstanceOf(PromotionRefused);
  });

  it('asks for exactly one of versionId and versionNumber', async () => {
    const { ports, handler, model } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    await expect(handler.execute({ invocation, params: { model: model.name, alias: 'a' } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      handler.execute({
        invocation,
        params: { model: model.name, alias: 'a', versionId: version.id, versionNumber: 1 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("answers not found for a model of another project, an unknown version, or another model's version", async () => {
    const { ports, handler, model } = arrange();
    const elsewhere = aModel({ projectId: 'project-2', name: 'fraud' });
    const sibling = aModel({ name: 'sibling' });
    const foreign = aVersion(sibling);
    ports.models.add(elsewhere, sibling);
    ports.versions.add(foreign, aVersion(elsewhere));

    await expect(
      handler.execute({ invocation, params: { model: 'fraud', alias: 'a', versionNumber: 1 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute({ invocation, params: { model: model.name, alias: 'a', versionNumber: 999 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute({ invocation, params: { model: model.name, alias: 'a', versionId: foreign.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('fails with a concurrency error when another move wins between its read and its move', async () => {
    const ports = fakeModelRegistryPorts();
    const aliases = new RacedAliases();
    const handler = new SetAliasFromTaskHandler(ports.models, ports.versions, aliases, aliasMover(ports, aliases));
    const model = aModel();
    const [first, second] = [aVersion(model), aVersion(model)];
    ports.models.add(model);
    ports.versions.add(first, second);
    await aliases.point(model.id, 'challenger', first.id);

    await expect(
      handler.execute({ invocation, params: { model: model.name, alias: 'challenger', versionId: second.id } }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });
});
