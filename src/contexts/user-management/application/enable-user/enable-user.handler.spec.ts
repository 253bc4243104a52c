import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { EnableUserHandler } from './enable-user.handler.js';

const IP = '192.0.2.1';

function arrange() {
  const ports = fakeUserManagementPorts();
  const admin = person('ada', { admin: true });
  const user = person('pat');
  ports.users.add(admin, user);
  return {
    ports,
    admin,
    user,
    handler: new EnableUserHandler(ports.users, ports.transaction, ports.audit, ports.events),
  };
}

describe('enabling a user', () => {
  it('enables a disabled account again, audited and published', async () => {
    const { ports, admin, user, handler } = arrange();
    user.disable();
    await handler.execute({ actorId: admin.id, userId: user.id, ip: IP });
    expect(user.isActive).toBe(true);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['user.enabled']);
    expect(ports.events.types()).toEqual(['user-management.user.enabled.v1']);
  });

  it('answers an unknown user as not found, recording nothing', async () => {
    const { ports, admin, handler } = arrange();
    await expect(handler.execute({ actorId: admin.id, userId: 'missing', ip: IP })).rejects.toThrow(NotFoundError);
    expect(ports.audit.entries).toEqual([]);
  });
});
