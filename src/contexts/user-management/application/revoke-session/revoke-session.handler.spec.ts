import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { RevokeSessionHandler } from './revoke-session.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  loggedIn(ports, 'user-1', 'laptop');
  loggedIn(ports, 'user-1', 'phone');
  loggedIn(ports, 'user-2', 'theirs');
  return { ports, handler: new RevokeSessionHandler(ports.termination) };
}

describe('revoking a session', () => {
  it("ends one of the caller's sessions and its refresh tokens", async () => {
    const { ports, handler } = arrange();
    await handler.execute({ userId: 'user-1', sessionId: 'phone', ip: '192.0.2.1' });
    expect(ports.sessions.live.has('phone')).toBe(false);
    expect(ports.families.byId.get('phone')?.revokedReason).toBe('revoked');
    expect(ports.audit.entries).toEqual([expect.objectContaining({ action: 'session.revoked', subjectId: 'user-1' })]);
  });

  it("answers someone else's session as not found and leaves it live", async () => {
    const { ports, handler } = arrange();
    await expect(handler.execute({ userId: 'user-1', sessionId: 'theirs', ip: '192.0.2.1' })).rejects.toThrow(
      NotFoundError,
    );
    expect(ports.sessions.live.has('theirs')).toBe(true);
    expect(ports.audit.entries).toEqual([]);
  });
});
