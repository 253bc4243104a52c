import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ListAuditEntriesHandler } from './list-audit-entries.handler.js';

describe('listing audit entries', () => {
  it('passes the filter and limit to the audit log', async () => {
    const ports = fakeUserManagementPorts();
    await ports.audit.record({ action: 'login.failed', actorId: null, subjectId: 'user-1', ip: '192.0.2.1' });
    await ports.audit.record({ action: 'login.failed', actorId: null, subjectId: 'user-2', ip: '192.0.2.1' });
    await ports.audit.record({ action: 'user.updated', actorId: 'user-1', subjectId: 'user-1', ip: null });
    const page = await new ListAuditEntriesHandler(ports.audit).execute({ action: 'login.failed', limit: 1 });
    expect(page.items).toEqual([expect.objectContaining({ action: 'login.failed', subjectId: 'user-1' })]);
  });
});
