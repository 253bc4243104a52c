import type { Session } from '../../../src/contexts/user-management/domain/sessions/session.js';
import { RefreshTokenFamily } from '../../../src/contexts/user-management/domain/sessions/refresh-token-family.js';
import type { FakeUserManagementPorts } from './fake-ports.js';

/** A session and its refresh token family ("rt_<id>"), live in the fakes, as a login leaves them. */
export function loggedIn(
  ports: FakeUserManagementPorts,
  userId: string,
  id: string,
  changes: Partial<Session> = {},
): Session {
  const now = new Date();
  const session: Session = {
    id,
    userId,
    isAdmin: false,
    device: 'test',
    ip: '192.0.2.1',
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    ...changes,
  };
  ports.sessions.add(session);
  ports.families.add(
    RefreshTokenFamily.start({
      sessionId: id,
      userId,
      tokenHash: ports.secrets.digest(`rt_${id}`),
      now,
      lifetimeMs: 3600_000,
    }),
  );
  return session;
}
