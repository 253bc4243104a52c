import { describe, expect, it } from '@jest/globals';
import { parentTaskTrigger } from '../../domain/run/parent-task.js';
import { ChildRuns } from '../ports/child-runs.js';
import { aStartedRun, aWorkflow, runState } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { CancelChildRunsHandler } from './cancel-child-runs.handler.js';

/** Names children that ended since, as a lookup made just before they ended would. */
class LateChildRuns extends ChildRuns {
  constructor(private readonly ids: string[]) {
    super();
  }
  unfinishedOf(): Promise<string[]> {
    return Promise.resolve(this.ids);
  }
}

/** A parent run with two child runs (of attempts 1 and 2 of its task) and an unrelated run. */
async function arrange() {
  const ports = fakeEnginePorts();
  const childWorkflow = await aWorkflow(ports, { name: 'child', tasks: [{ id: 'fit', type: 'noop' }] });
  const parentWorkflow = await aWorkflow(ports, { name: 'parent', tasks: [{ id: 'sub', type: 'workflow' }] });
  const parent = await aStartedRun(ports, parentWorkflow);
  const childOf = (attempt: number) => ({
    trigger: parentTaskTrigger({ runId: parent.runId, key: 'sub', attempt }, 'sub', 1),
  });
  const first = await aStartedRun(ports, childWorkflow, childOf(1));
  const second = await aStartedRun(ports, childWorkflow, childOf(2));
  const unrelated = await aStartedRun(ports, childWorkflow);
  const handler = new CancelChildRunsHandler(ports.children, engineServices(ports).controls);
  return { ports, parentId: parent.runId, childIds: [first.runId, second.runId], unrelated: unrelated.runId, handler };
}

describe('CancelChildRunsHandler', () => {
  it('cancels the unfinished children of the parent, saying why, and no other run', async () => {
    const { ports, parentId, childIds, unrelated, handler } = await arrange();
    await handler.execute({ parentRunId: parentId });
    for (const childId of childIds) expect(await runState(ports, childId)).toBe('cancelled');
    expect(await runState(ports, unrelated)).toBe('running');
    expect(ports.runs.events).toEqual([
      expect.objectContaining({ name: 'run-cancelled', reason: `parent run ${parentId} was cancelled` }),
      expect.objectContaining({ name: 'run-cancelled', reason: `parent run ${parentId} was cancelled` }),
    ]);
  });

  it('takes a child that ended meanwhile as done', async () => {
    const { ports, parentId, childIds } = await arrange();
    await engineServices(ports).controls.apply(childIds[0], 'cancel', 'ended meanwhile');
    const late = new CancelChildRunsHandler(new LateChildRuns(childIds), engineServices(ports).controls);
    await expect(late.execute({ parentRunId: parentId })).resolves.toBeUndefined();
    expect(await runState(ports, childIds[1])).toBe('cancelled');
  });
});
