import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion, PROJECT } from '../../../../../test/support/model-registry/registry-objects.js';
import { ResolveAliasHandler } from './resolve-alias.handler.js';

async function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  const version = aVersion(model, 'Approved');
  ports.models.add(model);
  ports.versions.add(version);
  await ports.aliases.point(model.id, 'champion', version.id);
  return { ports, model, version, handler: new ResolveAliasHandler(ports.models, ports.versions, ports.aliases) };
}

describe('ResolveAliasHandler', () => {
  it('resolves name@alias to the version the alias names now', async () => {
    const { model, version, handler } = await arrange();

    const resolved = await handler.require(PROJECT, model.name, 'champion');

    expect({ model: resolved.model.id, alias: resolved.alias, version: resolved.version.id }).toEqual({
      model: model.id,
      alias: 'champion',
      version: version.id,
    });
  });

  it('resolves nothing for an unknown alias, an unknown model, or a model of another project', async () => {
    const { model, handler } = await arrange();

    expect(await handler.resolve(PROJECT, model.name, 'challenger')).toBeUndefined();
    expect(await handler.resolve(PROJECT, 'unknown', 'champion')).toBeUndefined();
    expect(await handler.resolve('project-2', model.name, 'champion')).toBeUndefined();
  });

  it('answers not found when a reference must resolve and does not', async () => {
    const { model, handler } = await arrange();

    await expect(handler.require('project-2', model.name, 'champion')).rejects.toBeInstanceOf(NotFoundError);
  });
});
