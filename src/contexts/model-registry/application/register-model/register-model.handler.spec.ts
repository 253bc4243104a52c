import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { fakeModelRegistryPorts } from '../../../../../test/support/model-registry/fake-ports.js';
import { PROJECT, REGISTRANT } from '../../../../../test/support/model-registry/registry-objects.js';
import { ModelNameTaken } from '../../domain/errors.js';
import { registryServices } from '../../../../../test/support/model-registry/registry-services.js';
import { RegisterModelHandler } from './register-model.handler.js';

function arrange() {
  const ports = fakeModelRegistryPorts();
  return { ports, handler: new RegisterModelHandler(registryServices(ports).modelRegistration) };
}

describe('RegisterModelHandler', () => {
  it('registers a model with its protected aliases and publishes the registration', async () => {
    const { ports, handler } = arrange();

    const model = await handler.execute({
      projectId: PROJECT,
      name: 'churn',
      protectedAliases: ['production', 'champion', 'champion'],
      actorId: REGISTRANT,
    });

    expect((await ports.models.find(model.id))?.snapshot.protectedAliases).toEqual(['champion', 'production']);
    expect(ports.events.published).toEqual([
      {
        type: 'model-registry.model.registered.v1',
        payload: { modelId: model.id, projectId: PROJECT, name: 'churn', registeredBy: REGISTRANT },
        subject: { aggregateId: model.id, aggregateVersion: 1 },
      },
    ]);
  });

  it('refuses a name the project already uses and publishes nothing more', async () => {
    const { ports, handler } = arrange();
    await handler.execute({ projectId: PROJECT, name: 'churn', actorId: REGISTRANT });

    await expect(handler.execute({ projectId: PROJECT, name: 'churn', actorId: REGISTRANT })).rejects.toBeInstanceOf(
      ModelNameTaken,
    );
    expect(ports.events.published).toHaveLength(1);
  });

  it('lets another project use the same name', async () => {
    const { handler } = arrange();
    await handler.execute({ projectId: PROJECT, name: 'churn', actorId: REGISTRANT });

    const other = await handler.execute({ projectId: 'project-2', name: 'churn', actorId: REGISTRANT });

    expect(other.projectId).toBe('project-2');
  });

  it('refuses an invalid name or alias', async () => {
    const { ports, handler } = arrange();

    await expect(handler.execute({ projectId: PROJECT, name: 'a b', actorId: REGISTRANT })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      handler.execute({ projectId: PROJECT, name: 'churn', protectedAliases: ['latest'], actorId: REGISTRANT }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(ports.models.rows.size).toBe(0);
  });
});
