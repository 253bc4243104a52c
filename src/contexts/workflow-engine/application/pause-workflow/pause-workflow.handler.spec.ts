import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { PauseWorkflowHandler } from './pause-workflow.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const definition = await aWorkflow(ports, { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] });
  const { definitions, clock } = ports;
  return { definitions, clock, workflowId: definition.id, handler: new PauseWorkflowHandler(definitions, clock) };
}

describe('PauseWorkflowHandler', () => {
  it('pauses a workflow at the time asked and unpauses it again', async () => {
    const { definitions, clock, workflowId, handler } = await arrange();
    clock.advance(60_000);
    await handler.execute({ workflowId, paused: true });
    expect((await definitions.findById(workflowId))?.pausedAt).toEqual(clock.now());
    await handler.execute({ workflowId, paused: false });
    expect((await definitions.findById(workflowId))?.pausedAt).toBeUndefined();
  });

  it('keeps the first pause time and the version when asked for the state the workflow is in', async () => {
    const { definitions, clock, workflowId, handler } = await arrange();
    await handler.execute({ workflowId, paused: true });
    const paused = await definitions.findById(workflowId);
    clock.advance(60_000);
    await handler.execute({ workflowId, paused: true });
    const again = await definitions.findById(workflowId);
    expect(again?.pausedAt).toEqual(paused?.pausedAt);
    expect(again?.version).toBe(paused?.version);
    expect(again?.latest.number).toBe(1);
  });

  it('answers not found for a workflow that does not exist', async () => {
    const { handler } = await arrange();
    await expect(handler.execute({ workflowId: '01900000-0000-7000-8000-000000000000', paused: true })).rejects.toThrow(
      NotFoundError,
    );
  });
});
