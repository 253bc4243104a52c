import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { ApprovalNotPending } from '../../domain/errors.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { DecideApprovalHandler } from './decide-approval.handler.js';

const document = {
  name: 'release',
  tasks: [
    { id: 'review', type: 'approval', params: { approvers: ['alice', 'bob'] } },
    { id: 'deploy', type: 'noop', dependsOn: ['review'] },
  ],
};

async function arrange() {
  const ports = fakeEnginePorts();
  const { runId } = await aStartedRun(ports, await aWorkflow(ports, document));
  return { ports, runId, handler: new DecideApprovalHandler(engineServices(ports).changes, ports.approvals) };
}

describe('DecideApprovalHandler', () => {
  it('leaves the approval task waiting_for_approval, and its run running, until someone decides', async () => {
    const { ports, runId } = await arrange();
    expect(await taskStates(ports, runId)).toEqual({ review: 'waiting_for_approval', deploy: 'pending' });
    expect(await runState(ports, runId)).toBe('running');
  });

  it('succeeds the approval with the decision as outputs, closes its request, and enqueues what follows', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ runId, key: 'review', approve: true, userId: 'alice', comment: 'ship it' });
    const run = await ports.runs.findById(runId);
    expect(run?.taskRun('review').outputs).toEqual({ decision: 'approved', by: 'alice', comment: 'ship it' });
    const outcome = { status: 'approved', by: 'alice', comment: 'ship it' };
    expect(ports.approvals.closed).toEqual([{ runId, key: 'review', attempt: 1, outcome }]);
    expect(ports.queue.keys().at(-1)).toBe('deploy#1');
  });

  it('fails the approval on a rejection, and the run with it', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ runId, key: 'review', approve: false, userId: 'bob' });
    expect(await taskStates(ports, runId)).toEqual({ review: 'failed', deploy: 'upstream_failed' });
    expect(await runState(ports, runId)).toBe('failed');
    expect((await ports.runs.findById(runId))?.taskRun('review').error).toBe('rejected by bob');
    expect(ports.approvals.closed.map((closed) => closed.outcome)).toEqual([{ status: 'rejected', by: 'bob' }]);
  });

  it('puts a rejected approval with retries left back to waiting for a decision, under the next attempt', async () => {
    const ports = fakeEnginePorts();
    const retries = { max: 1, backoff: 'fixed' as const, delayMs: 1000 };
    const retried = { ...document, tasks: [{ ...document.tasks[0], retries }, document.tasks[1]] };
    const { runId } = await aStartedRun(ports, await aWorkflow(ports, retried));
    const handler = new DecideApprovalHandler(engineServices(ports).changes, ports.approvals);
    await handler.execute({ runId, key: 'review', approve: false, userId: 'bob', comment: 'not yet' });
    expect((await ports.runs.findById(runId))?.taskRun('review')).toMatchObject({
      state: 'waiting_for_approval',
      attempt: 2,
    });
    await handler.execute({ runId, key: 'review', approve: true, userId: 'alice' });
    expect(await taskStates(ports, runId)).toEqual({ review: 'succeeded', deploy: 'queued' });
  });

  it('refuses a user who is not among the approvers, and closes nothing', async () => {
    const { ports, runId, handler } = await arrange();
    const decision = handler.execute({ runId, key: 'review', approve: true, userId: 'mallory' });
    await expect(decision).rejects.toBeInstanceOf(ForbiddenError);
    expect(ports.approvals.closed).toEqual([]);
    expect(await taskStates(ports, runId)).toEqual({ review: 'waiting_for_approval', deploy: 'pending' });
  });

  it('refuses a second decision, a task that is no approval, and an unknown task', async () => {
    const { runId, handler } = await arrange();
    await handler.execute({ runId, key: 'review', approve: true, userId: 'alice' });
    const again = handler.execute({ runId, key: 'review', approve: false, userId: 'bob' });
    await expect(again).rejects.toBeInstanceOf(ApprovalNotPending);
    const notApproval = handler.execute({ runId, key: 'deploy', approve: true, userId: 'alice' });
    await expect(notApproval).rejects.toBeInstanceOf(ApprovalNotPending);
    const unknown = handler.execute({ runId, key: 'nope', approve: true, userId: 'alice' });
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
  });
});
