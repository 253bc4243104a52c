import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { GetModelVersionLineageHandler } from './get-model-version-lineage.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  ports.models.add(model);
  return { ports, model, handler: new GetModelVersionLineageHandler(ports.models, ports.versions) };
}

describe('GetModelVersionLineageHandler', () => {
  it('draws the lineage of a version under its model name, with its producing run', async () => {
    const { ports, model, handler } = arrange();
    const version = aVersion(model, 'Approved', { lineage: true });
    ports.versions.add(version);

    const graph = await handler.execute({ versionId: version.id });

    const root = graph.nodes.find((node) => node.id === graph.root);
    expect(root?.name).toBe(`projects/${model.projectId}/models/${model.name}/versions/${version.snapshot.number}`);
    expect(graph.edges).toContainEqual({ from: 'run:run-1', to: graph.root, kind: 'output' });
  });

  it('answers not found for an unknown version', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ versionId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
