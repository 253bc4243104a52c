import { describe, expect, it } from '@jest/globals';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, PROJECT } from '../../../../../test/support/model-registry/registry-objects.js';
import { ListModelsHandler } from './list-models.handler.js';

describe('ListModelsHandler', () => {
  it('searches the models of one project', async () => {
    const ports = fakeModelRegistryPorts();
    const handler = new ListModelsHandler(ports.models);
    const mine = aModel();
    ports.models.add(mine, aModel({ projectId: 'project-2' }));

    const page = await handler.execute({ projectId: PROJECT, limit: 10 });

    expect(page.items.map((model) => model.id)).toEqual([mine.id]);
  });
});
