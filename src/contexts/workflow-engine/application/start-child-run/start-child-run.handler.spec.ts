import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import type { TaskAssignment } from '../../contracts/task-runs.js';
import { parentTaskOf, parentTaskTrigger } from '../../domain/run/parent-task.js';
import { aStartedRun, aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { MAX_CHILD_RUN_DEPTH, StartChildRunHandler } from './start-child-run.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const child = await aWorkflow(ports, {
    name: 'child',
    params: { type: 'object', properties: { lr: { type: 'number' } } },
    tasks: [{ id: 'fit', type: 'noop' }],
  });
  const elsewhere = await aWorkflow(ports, { name: 'other', tasks: [{ id: 'a', type: 'noop' }] }, { projectId: 'p2' });
  const parentWorkflow = await aWorkflow(ports, { name: 'parent', tasks: [{ id: 'sub', type: 'workflow' }] });
  const parent = await aStartedRun(ports, parentWorkflow);
  const assignment = (params: TaskAssignment['params']): TaskAssignment => ({
    runId: parent.runId,
    key: 'sub',
    attempt: 1,
    type: 'workflow',
    taskId: 'sub',
    workflowId: parentWorkflow.id,
    projectId: 'project-1',
    actorId: 'user-1',
    params,
  });
  const { starter } = engineServices(ports);
  const handler = new StartChildRunHandler(ports.definitions, ports.runs, starter);
  return { ports, child, elsewhere, parent, assignment, handler };
}

describe('StartChildRunHandler', () => {
  it("starts the child run for the parent's actor, with a trigger naming the parent attempt", async () => {
    const { ports, child, parent, assignment, handler } = await arrange();
    const childId = await handler.execute({ parent: assignment({ workflowId: child.id, params: { lr: 0.1 } }) });
    const run = await ports.runs.findById(childId);
    expect(run).toMatchObject({ state: 'running', params: { lr: 0.1 }, actorId: 'user-1' });
    expect(parentTaskOf(run?.trigger ?? null)).toEqual({ runId: parent.runId, key: 'sub', attempt: 1 });
  });

  it('answers the child the first delivery started when the job is delivered again', async () => {
    const { ports, child, assignment, handler } = await arrange();
    const first = await handler.execute({ parent: assignment({ workflowId: child.id }) });
    const again = await handler.execute({ parent: assignment({ workflowId: child.id }) });
    expect(again).toBe(first);
    expect(ports.runs.all().filter((run) => run.pinned.workflowId === child.id)).toHaveLength(1);
  });

  it("refuses another project's workflow as it refuses a missing one", async () => {
    const { elsewhere, assignment, handler } = await arrange();
    await expect(handler.execute({ parent: assignment({ workflowId: elsewhere.id }) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(handler.execute({ parent: assignment({ workflowId: 'no-such' }) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses to nest deeper than the limit', async () => {
    const { ports, child, assignment, handler } = await arrange();
    const deepest = parentTaskTrigger({ runId: 'r', key: 'sub', attempt: 1 }, 'sub', MAX_CHILD_RUN_DEPTH);
    const deep = await aStartedRun(ports, child, { trigger: deepest });
    const nested = handler.execute({ parent: { ...assignment({ workflowId: child.id }), runId: deep.runId } });
    await expect(nested).rejects.toBeInstanceOf(ValidationError);
  });
});
