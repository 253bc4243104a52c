import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { Unauthenticated } from '../../domain/errors.js';
import { LogOutHandler } from './log-out.handler.js';

describe('logging out', () => {
  it('ends the session of the access token and its refresh token family, leaving other sessions', async () => {
    const ports = fakeUserManagementPorts();
    loggedIn(ports, 'user-1', 'laptop');
    loggedIn(ports, 'user-1', 'phone');
    await new LogOutHandler(ports.termination).execute({ userId: 'user-1', sessionId: 'laptop', ip: '192.0.2.1' });
    expect([...ports.sessions.live.keys()]).toEqual(['phone']);
    expect(ports.families.byId.get('laptop')?.revokedReason).toBe('logout');
    expect(ports.families.byId.get('phone')?.revokedAt).toBeNull();
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'user-management.session.revoked.v1',
        payload: { userId: 'user-1', sessionIds: ['laptop'], reason: 'logout' },
      }),
    ]);
  });

  it('refuses an API key, which has no session to end', async () => {
    const ports = fakeUserManagementPorts();
    const apiKeyCaller = { userId: 'user-1', sessionId: undefined, ip: '192.0.2.1' };
    await expect(new LogOutHandler(ports.termination).execute(apiKeyCaller)).rejects.toThrow(Unauthenticated);
    expect(ports.transaction.runs).toBe(0);
  });
});
