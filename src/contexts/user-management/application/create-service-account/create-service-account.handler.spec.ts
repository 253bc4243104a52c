import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { CreateServiceAccountHandler } from './create-service-account.handler.js';

describe('creating a service account', () => {
  it('saves an account that has no email or password and so can never log in', async () => {
    const ports = fakeUserManagementPorts();
    const handler = new CreateServiceAccountHandler(ports.users, ports.transaction, ports.audit, ports.events);
    const account = await handler.execute({ actorId: 'admin-1', displayName: 'ci robot', ip: '192.0.2.1' });
    expect(ports.users.saved).toEqual([account]);
    expect(account).toMatchObject({ kind: 'service', email: null, passwordHash: null, isAdmin: false });
    expect(account.canLogIn).toBe(false);
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'user-management.user.registered.v1',
        payload: { userId: account.id, kind: 'service', displayName: 'ci robot', invitedBy: 'admin-1' },
      }),
    ]);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({ actorId: 'admin-1', details: { kind: 'service' } }),
    ]);
  });
});
