import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError, ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { aModel } from '../../../../../test/support/model-registry/registry-objects.js';
import { UpdateModelHandler } from './update-model.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  const model = aModel();
  ports.models.add(model);
  return { ports, model, handler: new UpdateModelHandler(ports.transaction, ports.models) };
}

describe('UpdateModelHandler', () => {
  it('changes the description and tags and keeps what it was not given', async () => {
    const { ports, model, handler } = arrange();
    await handler.execute({ modelId: model.id, changes: { description: 'churn risk' } });

    await handler.execute({ modelId: model.id, changes: { tags: { team: 'growth' } } });

    const saved = await ports.models.find(model.id);
    expect(saved?.snapshot).toMatchObject({ description: 'churn risk', tags: { team: 'growth' } });
    expect(saved?.version).toBe(model.version + 2);
  });

  it('applies only at the version named by If-Match', async () => {
    const { ports, model, handler } = arrange();

    await expect(
      handler.execute({ modelId: model.id, expectedVersion: model.version + 1, changes: { description: 'x' } }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await ports.models.find(model.id))?.snapshot.description).toBe('');
  });

  it('refuses an invalid tag', async () => {
    const { model, handler } = arrange();

    await expect(handler.execute({ modelId: model.id, changes: { tags: { 'bad key': 'x' } } })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('answers not found for an unknown model', async () => {
    const { handler } = arrange();

    await expect(handler.execute({ modelId: 'missing', changes: {} })).rejects.toBeInstanceOf(NotFoundError);
  });
});
