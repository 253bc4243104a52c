import { describe, expect, it } from '@jest/globals';
import { anApprovalSummary } from '../../../../../test/support/workflow-engine/approval-summaries.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ListMyApprovalsHandler } from './list-my-approvals.handler.js';

function arrange() {
  const ports = fakeEnginePorts();
  const open = anApprovalSummary();
  const mine = anApprovalSummary({ projectId: 'project-2', approvers: ['alice', 'bob'] });
  const someoneElses = anApprovalSummary({ approvers: ['bob'] });
  const notMyProject = anApprovalSummary({ projectId: 'project-3' });
  ports.approvalQueries.requests = [open, mine, someoneElses, notMyProject];
  ports.approverProjects.byUser.set('alice', ['project-1', 'project-2']);
  const handler = new ListMyApprovalsHandler(ports.approvalQueries, ports.approverProjects);
  return { handler, open, mine };
}

describe('ListMyApprovalsHandler', () => {
  it('answers the requests across my approver projects that name me or nobody, and no others', async () => {
    const { handler, open, mine } = arrange();
    const inbox = await handler.execute({ userId: 'alice', status: 'pending', limit: 10 });
    expect(inbox.items.map((item) => item.id)).toEqual([mine.id, open.id]);
  });

  it('narrows to one project, and answers nothing for a project I may not approve in', async () => {
    const { handler, mine } = arrange();
    const narrowed = await handler.execute({ userId: 'alice', onlyProject: 'project-2', status: 'pending', limit: 10 });
    expect(narrowed.items).toEqual([mine]);
    const foreign = await handler.execute({ userId: 'alice', onlyProject: 'project-3', status: 'pending', limit: 10 });
    expect(foreign).toEqual({ items: [], nextCursor: null });
  });

  it('answers an empty inbox to a user who approves nowhere', async () => {
    const { handler } = arrange();
    expect(await handler.execute({ userId: 'mallory', status: 'pending', limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
