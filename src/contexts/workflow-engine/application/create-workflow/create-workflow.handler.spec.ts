import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { CreateWorkflowHandler } from './create-workflow.handler.js';

function arrange() {
  const ports = fakeEnginePorts();
  const { validation, activation } = engineServices(ports);
  const { definitions, schedules, triggers, clock } = ports;
  const handler = new CreateWorkflowHandler(validation, definitions, activation, clock);
  return { definitions, handler, schedules, triggers };
}

const document = { json: { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] } };

describe('CreateWorkflowHandler', () => {
  it('stores a valid definition as version 1', async () => {
    const { definitions, handler } = arrange();
    const created = await handler.execute({ projectId: 'project-1', body: document });
    expect(created.version).toBe(1);
    const stored = await definitions.findById(created.workflowId);
    expect(stored?.name).toBe('nightly');
    expect(stored?.projectId).toBe('project-1');
  });

  it('refuses a second workflow of the same name in a project, not in another one', async () => {
    const { handler } = arrange();
    await handler.execute({ projectId: 'project-1', body: document });
    await expect(handler.execute({ projectId: 'project-1', body: document })).rejects.toBeInstanceOf(ConflictError);
    await expect(handler.execute({ projectId: 'project-2', body: document })).resolves.toMatchObject({
      version: 1,
    });
  });

  it('keeps the schedule of version 1 from its next slot, and the event types of its triggers', async () => {
    const { handler, schedules, triggers } = arrange();
    const body = {
      json: {
        name: 'hourly',
        tasks: [{ id: 'a', type: 'noop' }],
        schedule: { cron: '0 * * * *', timezone: 'Europe/Paris', catchUp: 'all' },
        triggers: [{ event: 'model-registry.model-version.approved.v1' }, { event: 'model-registry.alias.moved.v1' }],
      },
    };
    const { workflowId } = await handler.execute({ projectId: 'project-1', body });
    expect(await schedules.find(workflowId)).toMatchObject({
      cron: '0 * * * *',
      timezone: 'Europe/Paris',
      catchUp: 'all',
      lastFiredAt: new Date('2026-01-01T00:00:00Z'),
      nextFireAt: new Date('2026-01-01T01:00:00Z'),
    });
    const subscribed = await triggers.subscribedTo([
      { type: 'model-registry.alias.moved.v1', occurredAt: new Date('2026-01-02T00:00:00Z') },
      // An event from before the trigger existed starts nothing.
      { type: 'model-registry.alias.moved.v1', occurredAt: new Date('2025-12-31T00:00:00Z') },
    ]);
    expect(subscribed).toEqual([[{ workflowId, projectId: 'project-1' }], []]);
  });
});
