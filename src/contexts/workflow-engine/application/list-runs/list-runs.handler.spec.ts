import { describe, expect, it } from '@jest/globals';
import { aStartedRun, aWorkflow, cancelledRun } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ListRunsHandler } from './list-runs.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] });
  const other = await aWorkflow(ports, { name: 'other', tasks: [{ id: 'a', type: 'noop' }] });
  const runIds: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    runIds.push((await aStartedRun(ports, workflow)).runId);
    ports.clock.advance(60_000);
  }
  await aStartedRun(ports, other);
  return { ports, workflowId: workflow.id, runIds, handler: new ListRunsHandler(ports.queries) };
}

describe('ListRunsHandler', () => {
  it("answers the workflow's runs newest first, a page at a time", async () => {
    const { workflowId, runIds, handler } = await arrange();
    const first = await handler.execute({ workflowId, limit: 2 });
    expect(first.items.map((run) => run.id)).toEqual([runIds[2], runIds[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = await handler.execute({ workflowId, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ id: runIds[0] })], nextCursor: null });
  });

  it('keeps to the state and the creation window asked for', async () => {
    const { ports, workflowId, runIds, handler } = await arrange();
    const start = new Date('2026-01-01T00:00:00Z');
    const window = {
      createdFrom: new Date(start.getTime() + 60_000),
      createdUntil: new Date(start.getTime() + 120_000),
    };
    const inWindow = await handler.execute({ workflowId, limit: 10, ...window });
    expect(inWindow.items.map((run) => run.id)).toEqual([runIds[1]]);
    await cancelledRun(ports, runIds[0]);
    const cancelled = await handler.execute({ workflowId, limit: 10, state: 'cancelled' });
    expect(cancelled.items.map((summary) => summary.id)).toEqual([runIds[0]]);
  });
});
