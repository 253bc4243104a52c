import { describe, expect, it } from '@jest/globals';
import { aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ListWorkflowsHandler } from './list-workflows.handler.js';

describe('ListWorkflowsHandler', () => {
  it("answers the project's workflows oldest first, a page at a time, none of another project", async () => {
    const ports = fakeEnginePorts();
    const tasks = [{ id: 'a', type: 'noop' }];
    const names = ['first', 'second', 'third'];
    for (const name of names) await aWorkflow(ports, { name, tasks });
    await aWorkflow(ports, { name: 'elsewhere', tasks }, { projectId: 'project-2' });
    const handler = new ListWorkflowsHandler(ports.queries);
    const first = await handler.execute({ projectId: 'project-1', limit: 2 });
    expect(first.items.map((workflow) => [workflow.name, workflow.latestVersion])).toEqual([
      ['first', 1],
      ['second', 1],
    ]);
    const second = await handler.execute({ projectId: 'project-1', limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((workflow) => workflow.name)).toEqual(['third']);
    expect(second.nextCursor).toBeNull();
  });
});
