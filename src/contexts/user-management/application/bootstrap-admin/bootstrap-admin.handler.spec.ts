import { describe, expect, it } from '@jest/globals';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { BootstrapAdminHandler } from './bootstrap-admin.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  // Sign-up closed, as in production: the bootstrap must get through anyway.
  ports.settings.selfSignUp = false;
  return { ports, handler: new BootstrapAdminHandler(ports.users, ports.registration) };
}

describe('bootstrapping the first admin', () => {
  it('creates an admin while none exists, with self sign-up closed', async () => {
    const { ports, handler } = arrange();
    await expect(handler.execute({ email: 'root@example.com', password: 'a long passphrase' })).resolves.toBe(
      'created',
    );
    expect(ports.users.saved).toHaveLength(1);
    expect(ports.users.saved[0]).toMatchObject({ isAdmin: true, displayName: 'Administrator' });
  });

  it('does nothing once any admin exists', async () => {
    const { ports, handler } = arrange();
    ports.users.add(person('ada', { admin: true }));
    await expect(handler.execute({ email: 'root@example.com', password: 'a long passphrase' })).resolves.toBe(
      'admin-exists',
    );
    expect(ports.users.saved).toEqual([]);
  });
});
