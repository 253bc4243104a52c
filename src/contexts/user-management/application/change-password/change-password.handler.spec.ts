import { describe, expect, it } from '@jest/globals';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { InvalidCredentials, PasswordRejected } from '../../domain/errors.js';
import { ChangePasswordHandler } from './change-password.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const user = person('pat');
  ports.users.add(user);
  loggedIn(ports, user.id, 'current');
  loggedIn(ports, user.id, 'other');
  const handler = new ChangePasswordHandler(
    ports.currentPassword,
    ports.users,
    ports.hasher,
    ports.commonPasswords,
    ports.termination,
    ports.transaction,
    ports.audit,
    ports.events,
  );
  const command = (currentPassword: string, newPassword: string) => ({
    userId: user.id,
    sessionId: 'current',
    currentPassword,
    newPassword,
    ip: '192.0.2.1',
  });
  return { ports, user, handler, command };
}

describe('changing a password', () => {
  it('stores the new hash and ends every other session, keeping the one making the change', async () => {
    const { ports, user, handler, command } = arrange();
    await handler.execute(command('pat-password', 'a new long passphrase'));
    expect(ports.users.saved).toEqual([user]);
    expect(user.passwordHash).toBe('hash(a new long passphrase)');
    expect([...ports.sessions.live.keys()]).toEqual(['current']);
    expect(ports.families.byId.get('other')?.revokedReason).toBe('password-changed');
    expect(ports.events.published).toContainEqual(
      expect.objectContaining({
        type: 'user-management.user.password-changed.v1',
        payload: { userId: user.id, sessionsEnded: 1 },
      }),
    );
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const { ports, handler, command } = arrange();
    await expect(handler.execute(command('guess', 'a new long passphrase'))).rejects.toThrow(InvalidCredentials);
    expect(ports.users.saved).toEqual([]);
    expect(ports.sessions.live.size).toBe(2);
  });

  it('refuses a short or common new password', async () => {
    const { ports, handler, command } = arrange();
    await expect(handler.execute(command('pat-password', 'short'))).rejects.toThrow(PasswordRejected);
    await expect(handler.execute(command('pat-password', 'password123'))).rejects.toThrow(PasswordRejected);
    expect(ports.users.saved).toEqual([]);
  });

  it('refuses a disabled account even with the right password', async () => {
    const { user, handler, command } = arrange();
    user.disable();
    await expect(handler.execute(command('pat-password', 'a new long passphrase'))).rejects.toThrow(InvalidCredentials);
  });
});
