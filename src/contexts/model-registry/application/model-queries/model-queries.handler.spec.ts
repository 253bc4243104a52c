import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion, PROJECT } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelQueriesHandler } from './model-queries.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new ModelQueriesHandler(ports.models, ports.aliases) };
}

describe('ModelQueriesHandler', () => {
  it('answers a model with its aliases and no alias of another model', async () => {
    const { ports, handler } = arrange();
    const [model, other] = [aModel(), aModel({ name: 'other' })];
    ports.models.add(model, other);
    const [version, foreign] = [aVersion(model), aVersion(other)];
    await ports.aliases.point(model.id, 'champion', version.id);
    await ports.aliases.point(other.id, 'champion', foreign.id);

    const detail = await handler.detail(model.id);

    expect(detail.model.id).toBe(model.id);
    expect(detail.aliases.map((alias) => alias.versionId)).toEqual([version.id]);
  });

  it('searches the models of one project', async () => {
    const { ports, handler } = arrange();
    const mine = aModel();
    ports.models.add(mine, aModel({ projectId: 'project-2' }));

    const page = await handler.search({ projectId: PROJECT, limit: 10 });

    expect(page.items.map((model) => model.id)).toEqual([mine.id]);
  });

  it('answers not found for an unknown model', async () => {
    const { handler } = arrange();

    await expect(handler.detail('missing')).rejects.toBeInstanceOf(NotFoundError);
  });
});
