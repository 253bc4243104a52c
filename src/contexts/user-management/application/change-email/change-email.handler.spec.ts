import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { EmailTaken, InvalidCredentials } from '../../domain/errors.js';
import { ChangeEmailHandler } from './change-email.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const user = person('pat');
  ports.users.add(user, person('taken'));
  const handler = new ChangeEmailHandler(
    ports.currentPassword,
    ports.users,
    ports.transaction,
    ports.audit,
    ports.events,
  );
  const command = (newEmail: string, currentPassword = 'pat-password') => ({
    userId: user.id,
    currentPassword,
    newEmail,
    ip: '192.0.2.1',
  });
  return { ports, user, handler, command };
}

describe('changing an email', () => {
  it('saves the normalised new address, audited and published', async () => {
    const { ports, user, handler, command } = arrange();
    await handler.execute(command('Pat.New@Example.com'));
    expect(ports.users.saved).toEqual([user]);
    expect(user.email?.value).toBe('pat.new@example.com');
    expect(ports.events.types()).toEqual(['user-management.user.email-changed.v1']);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['user.email-changed']);
  });

  it('refuses without the current password', async () => {
    const { ports, handler, command } = arrange();
    await expect(handler.execute(command('pat.new@example.com', 'guess'))).rejects.toThrow(InvalidCredentials);
    expect(ports.users.saved).toEqual([]);
  });

  it("refuses another account's address", async () => {
    const { ports, handler, command } = arrange();
    await expect(handler.execute(command('taken@example.com'))).rejects.toThrow(EmailTaken);
    expect(ports.users.saved).toEqual([]);
  });

  it('does nothing for the address the account already has', async () => {
    const { ports, handler, command } = arrange();
    await handler.execute(command('PAT@example.com'));
    expect(ports.users.saved).toEqual([]);
    expect(ports.events.published).toEqual([]);
  });

  it('refuses a malformed address', async () => {
    const { handler, command } = arrange();
    await expect(handler.execute(command('not an email'))).rejects.toThrow(ValidationError);
  });
});
