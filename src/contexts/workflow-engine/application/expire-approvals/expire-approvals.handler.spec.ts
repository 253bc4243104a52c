import { describe, expect, it } from '@jest/globals';
import { aStartedRun, aWorkflow, runState } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ExpireApprovalsHandler } from './expire-approvals.handler.js';

const document = {
  name: 'release',
  tasks: [{ id: 'review', type: 'approval', params: { deadlineSeconds: 60 } }],
};

async function arrange(runs: number) {
  const ports = fakeEnginePorts();
  const workflow = await aWorkflow(ports, document);
  const runIds: string[] = [];
  for (let index = 0; index < runs; index += 1) runIds.push((await aStartedRun(ports, workflow)).runId);
  return { ports, runIds, handler: new ExpireApprovalsHandler(ports.approvals, engineServices(ports).changes) };
}

describe('ExpireApprovalsHandler', () => {
  it('fails every approval past its deadline, closes its request, and answers how many it failed', async () => {
    const { ports, runIds, handler } = await arrange(2);
    ports.approvals.overdue = runIds.map((runId) => ({ runId, key: 'review', attempt: 1 }));
    expect(await handler.execute({})).toBe(2);
    for (const runId of runIds) expect(await runState(ports, runId)).toBe('failed');
    expect((await ports.runs.findById(runIds[0]))?.taskRun('review').error).toBe('no decision before the deadline');
    expect(ports.approvals.closed.map((closed) => closed.outcome.status)).toEqual(['expired', 'expired']);
    expect(ports.approvals.overdue).toEqual([]);
  });

  it('closes without failing a request whose approval moved on (a stale attempt), and does not count it', async () => {
    const { ports, runIds, handler } = await arrange(1);
    const [runId] = runIds;
    ports.approvals.overdue = [{ runId, key: 'review', attempt: 7 }];
    expect(await handler.execute({})).toBe(0);
    expect(await runState(ports, runId)).toBe('running');
    expect(ports.approvals.closed).toEqual([{ runId, key: 'review', attempt: 7, outcome: { status: 'cancelled' } }]);
    expect(ports.runs.saves).toBe(0);
  });

  it('goes on past a first batch of a hundred', async () => {
    const { ports, runIds, handler } = await arrange(101);
    ports.approvals.overdue = runIds.map((runId) => ({ runId, key: 'review', attempt: 1 }));
    expect(await handler.execute({})).toBe(101);
  });
});
