import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { UpdateProfileHandler } from './update-profile.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const user = person('pat');
  ports.users.add(user);
  return { ports, user, handler: new UpdateProfileHandler(ports.users, ports.transaction, ports.audit, ports.events) };
}

describe('updating a profile', () => {
  it('renames the caller, audited and published with the trimmed name', async () => {
    const { ports, user, handler } = arrange();
    await handler.execute({ userId: user.id, displayName: ' Pat Doe ', ip: '192.0.2.1' });
    expect(ports.users.saved).toEqual([user]);
    expect(user.displayName).toBe('Pat Doe');
    expect(ports.events.published).toEqual([
      expect.objectContaining({ payload: { userId: user.id, displayName: 'Pat Doe' } }),
    ]);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['user.updated']);
  });

  it('refuses an empty or overlong name without saving', async () => {
    const { ports, user, handler } = arrange();
    await expect(handler.execute({ userId: user.id, displayName: '', ip: '192.0.2.1' })).rejects.toThrow(
      ValidationError,
    );
    await expect(handler.execute({ userId: user.id, displayName: 'x'.repeat(101), ip: '192.0.2.1' })).rejects.toThrow(
      ValidationError,
    );
    expect(ports.users.saved).toEqual([]);
  });

  it('answers an unknown user as not found', async () => {
    const { handler } = arrange();
    await expect(handler.execute({ userId: 'missing', displayName: 'Pat', ip: '192.0.2.1' })).rejects.toThrow(
      NotFoundError,
    );
  });
});
