import { describe, expect, it } from '@jest/globals';
import { parentTaskTrigger } from '../../domain/run/parent-task.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  startAttempt,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ReportChildRunHandler } from './report-child-run.handler.js';

/** A parent run whose `sub` task (a `workflow` task) runs attempt 1, and the child run it started. */
async function arrange() {
  const ports = fakeEnginePorts();
  const childWorkflow = await aWorkflow(ports, { name: 'child', tasks: [{ id: 'fit', type: 'noop' }] });
  const parentWorkflow = await aWorkflow(ports, {
    name: 'parent',
    tasks: [{ id: 'sub', type: 'workflow', params: { workflowId: childWorkflow.id } }],
  });
  const parent = await aStartedRun(ports, parentWorkflow);
  await startAttempt(ports, parent.dispatches[0]);
  const trigger = parentTaskTrigger({ runId: parent.runId, key: 'sub', attempt: 1 }, 'sub', 1);
  const child = await aStartedRun(ports, childWorkflow, { trigger });
  await startAttempt(ports, child.dispatches[0]);
  const { attempts } = engineServices(ports);
  const handler = new ReportChildRunHandler(ports.runs, attempts);
  return { ports, attempts, parentId: parent.runId, childId: child.runId, handler };
}

describe('ReportChildRunHandler', () => {
  it("succeeds the parent's task with the child's outputs when the child succeeded, and logs it", async () => {
    const { ports, attempts, parentId, childId, handler } = await arrange();
    await attempts.complete({ runId: childId, key: 'fit', attempt: 1 }, { auc: 0.9 });
    await handler.execute({ childRunId: childId });
    const parent = await ports.runs.findById(parentId);
    expect(parent?.taskRun('sub').outputs).toEqual({ runId: childId, tasks: { fit: { auc: 0.9 } } });
    expect(parent?.state).toBe('succeeded');
    expect(ports.runs.logs.at(-1)).toEqual({ key: 'sub', attempt: 1, lines: ['succeeded'] });
  });

  it("fails the parent's task with the child's end when the child did not succeed", async () => {
    const { ports, attempts, parentId, childId, handler } = await arrange();
    await attempts.fail({ runId: childId, key: 'fit', attempt: 1 }, 'boom', { retryable: false });
    await handler.execute({ childRunId: childId });
    expect(await taskStates(ports, parentId)).toEqual({ sub: 'failed' });
    expect((await ports.runs.findById(parentId))?.taskRun('sub').error).toBe(`child run ${childId} failed`);
  });

  it('takes a second report of the same child as done, changing nothing', async () => {
    const { ports, attempts, parentId, childId, handler } = await arrange();
    await attempts.complete({ runId: childId, key: 'fit', attempt: 1 }, {});
    await handler.execute({ childRunId: childId });
    const saves = ports.runs.saves;
    await expect(handler.execute({ childRunId: childId })).resolves.toBeUndefined();
    expect(ports.runs.saves).toBe(saves);
    expect(await runState(ports, parentId)).toBe('succeeded');
  });

  it('ignores a run that is no child, and one that does not exist', async () => {
    const { ports, parentId, handler } = await arrange();
    const saves = ports.runs.saves;
    await handler.execute({ childRunId: parentId });
    await handler.execute({ childRunId: 'no-such-run' });
    expect(ports.runs.saves).toBe(saves);
  });
});
