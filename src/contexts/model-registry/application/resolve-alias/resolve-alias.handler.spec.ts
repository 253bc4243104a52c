import { describe, expect, it } from '@jest/globals';
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

    const resolved = await handler.execute({ projectId: PROJECT, modelName: model.name, alias: 'champion' });

    expect({ model: resolved?.model.id, alias: resolved?.alias, version: resolved?.version.id }).toEqual({
      model: model.id,
      alias: 'champion',
      version: version.id,
    });
  });

  it('resolves nothing for an unknown alias, an unknown model, or a model of another project', async () => {
    const { model, handler } = await arrange();

    expect(await handler.execute({ projectId: PROJECT, modelName: model.name, alias: 'challenger' })).toBeUndefined();
    expect(await handler.execute({ projectId: PROJECT, modelName: 'unknown', alias: 'champion' })).toBeUndefined();
    expect(await handler.execute({ projectId: 'project-2', modelName: model.name, alias: 'champion' })).toBeUndefined();
  });
});
