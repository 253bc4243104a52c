import { describe, expect, it } from '@jest/globals';
import { anApprovalSummary } from '../../../../../test/support/workflow-engine/approval-summaries.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ListProjectApprovalsHandler } from './list-project-approvals.handler.js';

describe('ListProjectApprovalsHandler', () => {
  it("answers the project's requests in the status asked, newest first, a page at a time, none of another project", async () => {
    const ports = fakeEnginePorts();
    const older = anApprovalSummary();
    const decided = anApprovalSummary({ status: 'approved' });
    const newer = anApprovalSummary();
    const elsewhere = anApprovalSummary({ projectId: 'project-2' });
    ports.approvalQueries.requests = [older, decided, newer, elsewhere];
    const handler = new ListProjectApprovalsHandler(ports.approvalQueries);

    const first = await handler.execute({ projectId: 'project-1', status: 'pending', limit: 1 });
    expect(first.items.map((item) => item.id)).toEqual([newer.id]);
    const cursor = first.nextCursor ?? undefined;
    const second = await handler.execute({ projectId: 'project-1', status: 'pending', limit: 1, cursor });
    expect(second).toEqual({ items: [older], nextCursor: null });
    const all = await handler.execute({ projectId: 'project-1', limit: 10 });
    expect(all.items.map((item) => item.id)).toEqual([newer.id, decided.id, older.id]);
  });
});
