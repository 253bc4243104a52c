import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { VersionQueriesHandler } from './version-queries.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  ports.models.add(model);
  return { ports, model, handler: new VersionQueriesHandler(ports.models, ports.versions) };
}

describe('VersionQueriesHandler', () => {
  it('lists the versions of a model in a status, newest first', async () => {
    const { ports, model, handler } = arrange();
    const [older, rejected, newer] = [
      aVersion(model, 'Approved'),
      aVersion(model, 'Rejected'),
      aVersion(model, 'Approved'),
    ];
    ports.versions.add(older, rejected, newer, aVersion(aModel({ name: 'other' }), 'Approved'));

    const page = await handler.list(model.id, { status: 'Approved', limit: 10 });

    expect(page.items.map((version) => version.id)).toEqual([newer.id, older.id]);
  });

  it('answers one version, and not found for an unknown one', async () => {
    const { ports, model, handler } = arrange();
    const version = aVersion(model);
    ports.versions.add(version);

    expect((await handler.one(version.id)).id).toBe(version.id);
    await expect(handler.one('missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers not found when listing the versions of an unknown model', async () => {
    const { handler } = arrange();

    await expect(handler.list('missing', { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('draws the lineage of a version under its model name, with its producing run', async () => {
    const { ports, model, handler } = arrange();
    const version = aVersion(model, 'Approved', { lineage: true });
    ports.versions.add(version);

    const graph = await handler.lineage(version.id);

    const root = graph.nodes.find((node) => node.id === graph.root);
    expect(root?.name).toBe(`projects/${model.projectId}/models/${model.name}/versions/${version.snapshot.number}`);
    expect(graph.edges).toContainEqual({ from: 'run:run-1', to: graph.root, kind: 'output' });
  });
});
