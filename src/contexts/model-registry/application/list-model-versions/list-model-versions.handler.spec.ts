import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel, aVersion } from '../../../../../test/support/model-registry/registry-objects.js';
import { ListModelVersionsHandler } from './list-model-versions.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  ports.models.add(model);
  return { ports, model, handler: new ListModelVersionsHandler(ports.models, ports.versions) };
}

describe('ListModelVersionsHandler', () => {
  it('lists the versions of a model in a status, newest first', async () => {
    const { ports, model, handler } = arrange();
    const [older, rejected, newer] = [
      aVersion(model, 'Approved'),
      aVersion(model, 'Rejected'),
      aVersion(model, 'Approved'),
    ];
    ports.versions.add(older, rejected, newer, aVersion(aModel({ name: 'other' }), 'Approved'));

    const page = await handler.execute({ modelId: model.id, status: 'Approved', limit: 10 });

    expect(page.items.map((version) => version.id)).toEqual([newer.id, older.id]);
  });

  it('answers not found when listing the versions of an unknown model', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ modelId: 'missing', limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
