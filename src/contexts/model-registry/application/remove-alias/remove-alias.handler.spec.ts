import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { RemoveAliasHandler } from './remove-alias.handler.js';

async function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  const alias = await ports.aliases.point(model.id, 'challenger', aVersion(model).id);
  return { ports, model, alias, handler: new RemoveAliasHandler(ports.transaction, ports.aliases) };
}

describe('RemoveAliasHandler', () => {
  it('removes an alias still at the version the caller saw', async () => {
    const { ports, model, alias, handler } = await arrange();

    await handler.execute({ modelId: model.id, alias: 'challenger', expectedVersion: alias.version });

    expect(await ports.aliases.find(model.id, 'challenger')).toBeUndefined();
  });

  it('keeps an alias that moved since the caller saw it', async () => {
    const { ports, model, alias, handler } = await arrange();

    await expect(
      handler.execute({ modelId: model.id, alias: 'challenger', expectedVersion: alias.version + 1 }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await ports.aliases.find(model.id, 'challenger')).toBeDefined();
  });

  it('answers not found for an alias the model does not have', async () => {
    const { model, handler } = await arrange();

    await expect(handler.execute({ modelId: model.id, alias: 'champion', expectedVersion: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      handler.execute({ modelId: 'other-model', alias: 'challenger', expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
