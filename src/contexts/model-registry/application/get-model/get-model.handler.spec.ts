import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { GetModelHandler } from './get-model.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new GetModelHandler(ports.models, ports.aliases) };
}

describe('GetModelHandler', () => {
  it('answers a model with its aliases and no alias of another model', async () => {
    const { ports, handler } = arrange();
    const [model, other] = [aModel(), aModel({ name: 'other' })];
    ports.models.add(model, other);
    const [version, foreign] = [aVersion(model), aVersion(other)];
    await ports.aliases.point(model.id, 'champion', version.id);
    await ports.aliases.point(other.id, 'champion', foreign.id);

    const detail = await handler.execute({ modelId: model.id });

    expect(detail.model.id).toBe(model.id);
    expect(detail.aliases.map((alias) => alias.versionId)).toEqual([version.id]);
  });

  it('answers not found for an unknown model', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ modelId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
