import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { aStartedRun, aWorkflow } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { GetRunHandler } from './get-run.handler.js';

const document = { name: 'nightly', tasks: [{ id: 'a', type: 'noop' }] };

describe('GetRunHandler', () => {
  it('answers the stored run with its task runs', async () => {
    const ports = fakeEnginePorts();
    const { runId, workflowId } = await aStartedRun(ports, await aWorkflow(ports, document), { params: { n: 1 } });
    const run = await new GetRunHandler(ports.runs).execute({ runId });
    expect(run.id).toBe(runId);
    expect(run.pinned.workflowId).toBe(workflowId);
    expect(run.params).toEqual({ n: 1 });
    expect(run.allTaskRuns().map((taskRun) => [taskRun.key, taskRun.state])).toEqual([['a', 'queued']]);
  });

  it('refuses a run that does not exist as not found', async () => {
    const ports = fakeEnginePorts();
    await expect(new GetRunHandler(ports.runs).execute({ runId: 'no-such-run' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
