import { describe, expect, it } from '@jest/globals';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { EmailTaken, PasswordRejected, SelfSignUpClosed } from '../../domain/errors.js';
import type { RegisterUserCommand } from './register-user.command.js';
import { RegisterUserHandler } from './register-user.handler.js';

function registerUserWith(ports = fakeUserManagementPorts()) {
  return new RegisterUserHandler(ports.registration);
}

const signUp = (changes: Partial<RegisterUserCommand> = {}): RegisterUserCommand => ({
  email: 'New@Example.com',
  password: 'a long passphrase',
  displayName: 'Newcomer',
  invitedBy: null,
  ip: '192.0.2.1',
  ...changes,
});

describe('registering a user', () => {
  it('saves a person with the hash of their password, audited and published', async () => {
    const ports = fakeUserManagementPorts();
    const user = await registerUserWith(ports).execute(signUp());
    expect(ports.users.saved).toEqual([user]);
    expect(user.email?.value).toBe('new@example.com');
    expect(user.passwordHash).toBe('hash(a long passphrase)');
    expect(user.isAdmin).toBe(false);
    expect(ports.audit.entries).toEqual([expect.objectContaining({ action: 'user.registered', actorId: user.id })]);
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'user-management.user.registered.v1',
        payload: { userId: user.id, kind: 'person', displayName: 'Newcomer', invitedBy: null },
      }),
    ]);
  });

  it('refuses self sign-up when it is switched off, but not an invitation', async () => {
    const ports = fakeUserManagementPorts();
    ports.settings.selfSignUp = false;
    const handler = registerUserWith(ports);
    await expect(handler.execute(signUp())).rejects.toThrow(SelfSignUpClosed);
    const invited = await handler.execute(signUp({ invitedBy: 'admin-1' }));
    expect(ports.audit.entries).toEqual([expect.objectContaining({ actorId: 'admin-1', subjectId: invited.id })]);
  });

  it('never makes an admin outside the bootstrap', async () => {
    const ports = fakeUserManagementPorts();
    const user = await registerUserWith(ports).execute(signUp({ invitedBy: 'admin-1', isAdmin: true }));
    expect(user.isAdmin).toBe(false);
  });

  it('refuses a taken email and a weak password without saving', async () => {
    const ports = fakeUserManagementPorts();
    ports.users.add(person('new'));
    const handler = registerUserWith(ports);
    await expect(handler.execute(signUp())).rejects.toThrow(EmailTaken);
    await expect(handler.execute(signUp({ email: 'other@example.com', password: 'password123' }))).rejects.toThrow(
      PasswordRejected,
    );
    expect(ports.users.saved).toEqual([]);
  });
});
