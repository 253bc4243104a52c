import { describe, expect, it } from '@jest/globals';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { CreateWorkflowHandler } from '../create-workflow/create-workflow.handler.js';
import type { DefinitionBody } from '../services/definition-body.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { UpdateWorkflowHandler } from './update-workflow.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const { validation, activation } = engineServices(ports);
  const { definitions, clock, schedules } = ports;
  const created = await new CreateWorkflowHandler(validation, definitions, activation, clock).execute({
    projectId: 'project-1',
    body: { json: { name: 'w', tasks: [{ id: 'a', type: 'noop' }] } },
  });
  return {
    definitions,
    workflowId: created.workflowId,
    handler: new UpdateWorkflowHandler(validation, definitions, activation, clock),
    clock,
    schedules,
  };
}

const v2: DefinitionBody = {
  json: {
    name: 'w',
    tasks: [
      { id: 'a', type: 'noop' },
      { id: 'b', type: 'noop', dependsOn: ['a'] },
    ],
  },
};

describe('UpdateWorkflowHandler', () => {
  it('adds version 2 and keeps version 1 readable', async () => {
    const { definitions, workflowId, handler } = await arrange();
    expect(await handler.execute({ workflowId, body: v2 })).toEqual({ workflowId, version: 2 });
    expect((await definitions.findById(workflowId))?.latest.spec.layers()).toEqual([['a'], ['b']]);
    expect((await definitions.findVersion(workflowId, 1))?.spec.layers()).toEqual([['a']]);
  });

  it('refuses an update based on a version someone else already replaced', async () => {
    const { workflowId, handler } = await arrange();
    await handler.execute({ workflowId, body: v2, expectedVersion: 1 });
    await expect(handler.execute({ workflowId, body: v2, expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });

  it('answers not found for an unknown workflow', async () => {
    const { handler } = await arrange();
    await expect(handler.execute({ workflowId: 'missing', body: v2 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the cursor of an unchanged schedule, restarts a changed one and drops a removed one', async () => {
    const { workflowId, handler, clock, schedules } = await arrange();
    const scheduled = (cron: string) => ({ json: { ...(v2.json as object), schedule: { cron, catchUp: 'latest' } } });
    await handler.execute({ workflowId, body: scheduled('0 3 * * *') });
    const first = await schedules.find(workflowId);
    expect(first?.nextFireAt).toEqual(new Date('2026-01-01T03:00:00Z'));
    clock.advance(3_600_000);
    await handler.execute({ workflowId, body: scheduled('0 3 * * *') });
    expect(await schedules.find(workflowId)).toEqual(first);
    await handler.execute({ workflowId, body: scheduled('30 * * * *') });
    expect(await schedules.find(workflowId)).toMatchObject({
      lastFiredAt: new Date('2026-01-01T01:00:00Z'),
      nextFireAt: new Date('2026-01-01T01:30:00Z'),
    });
    await handler.execute({ workflowId, body: v2 });
    expect(await schedules.find(workflowId)).toBeUndefined();
  });
});
