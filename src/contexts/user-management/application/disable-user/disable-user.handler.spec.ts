import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { DisableUserHandler } from './disable-user.handler.js';

const IP = '192.0.2.1';

function arrange() {
  const ports = fakeUserManagementPorts();
  const admin = person('ada', { admin: true });
  const user = person('pat');
  ports.users.add(admin, user);
  loggedIn(ports, user.id, 'laptop');
  loggedIn(ports, user.id, 'phone');
  const handler = new DisableUserHandler(ports.users, ports.termination, ports.transaction, ports.audit, ports.events);
  return { ports, admin, user, handler };
}

describe('disabling a user', () => {
  it('disables an account and ends every one of its sessions at once', async () => {
    const { ports, admin, user, handler } = arrange();
    const disabled = await handler.execute({ actorId: admin.id, userId: user.id, ip: IP });
    expect(disabled.isActive).toBe(false);
    expect(ports.users.saved).toEqual([user]);
    expect(ports.sessions.live.size).toBe(0);
    expect(ports.families.byId.get('laptop')?.revokedReason).toBe('disabled');
    expect(ports.events.published).toContainEqual(
      expect.objectContaining({
        type: 'user-management.user.disabled.v1',
        payload: { userId: user.id, sessionsEnded: 2 },
      }),
    );
  });

  it('refuses an admin disabling themselves', async () => {
    const { ports, admin, handler } = arrange();
    await expect(handler.execute({ actorId: admin.id, userId: admin.id, ip: IP })).rejects.toThrow(ForbiddenError);
    expect(admin.isActive).toBe(true);
    expect(ports.users.saved).toEqual([]);
  });

  it('answers an unknown user as not found', async () => {
    const { admin, handler } = arrange();
    await expect(handler.execute({ actorId: admin.id, userId: 'missing', ip: IP })).rejects.toThrow(NotFoundError);
  });
});
