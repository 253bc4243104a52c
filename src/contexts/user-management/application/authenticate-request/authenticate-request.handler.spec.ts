import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { Unauthenticated } from '../../domain/errors.js';
import { AuthenticateRequestHandler } from './authenticate-request.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const handler = new AuthenticateRequestHandler(
    ports.verifier,
    ports.sessions,
    ports.keys,
    ports.secrets,
    ports.limits,
  );
  return { ports, handler };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

function session(lastUsedAt = new Date()) {
  return {
    id: 'session-1',
    userId: 'user-1',
    isAdmin: true,
    device: 'test',
    ip: '192.0.2.1',
    createdAt: lastUsedAt,
    lastUsedAt,
    expiresAt: new Date(Date.now() + 3600_000),
  };
}

function key(secret: string, ports: ReturnType<typeof fakeUserManagementPorts>) {
  return ApiKey.issue({
    ownerId: 'user-1',
    projectId: 'project-1',
    name: 'ci',
    permissions: ['workflow:run'],
    secretHash: ports.secrets.digest(secret),
    prefix: secret.slice(0, 4),
    createdBy: 'user-1',
    expiresAt: null,
    now: new Date(),
  });
}

describe('authenticating a request', () => {
  it('turns an access token of a live session into its user, admin flag from the session', async () => {
    const { ports, handler } = arrange();
    ports.sessions.add(session());
    await expect(handler.execute({ credential: 'access:user-1:session-1' })).resolves.toEqual({
      kind: 'user',
      userId: 'user-1',
      isAdmin: true,
      sessionId: 'session-1',
    });
  });

  it('refuses a validly signed access token whose session has ended', async () => {
    const { handler } = arrange();
    await expect(handler.execute({ credential: 'access:user-1:session-1' })).rejects.toThrow(Unauthenticated);
  });

  it('refuses a token the verifier rejects', async () => {
    const { ports, handler } = arrange();
    ports.sessions.add(session());
    await expect(handler.execute({ credential: 'forged' })).rejects.toThrow(Unauthenticated);
  });

  it('ends a session unused longer than the idle limit and refuses its token', async () => {
    const { ports, handler } = arrange();
    ports.limits.idleMs = 30 * 60_000;
    ports.sessions.add(session(minutesAgo(31)));
    await expect(handler.execute({ credential: 'access:user-1:session-1' })).rejects.toThrow(Unauthenticated);
    expect(ports.sessions.live.has('session-1')).toBe(false);
  });

  it('turns a usable API key into its owner, limited to its project and permissions, and notes its use', async () => {
    const { ports, handler } = arrange();
    const apiKey = key('key_secret', ports);
    ports.keys.add(apiKey, { admin: true });
    await expect(handler.execute({ credential: 'key_secret' })).resolves.toEqual({
      kind: 'api-key',
      userId: 'user-1',
      isAdmin: true,
      apiKey: { id: apiKey.id, projectId: 'project-1', permissions: ['workflow:run'] },
    });
    expect(ports.keys.uses).toEqual([apiKey.id]);
  });

  it('refuses an unknown, revoked or expired API key, and one whose owner is disabled', async () => {
    const { ports, handler } = arrange();
    const revoked = key('key_revoked', ports);
    revoked.revoke(new Date());
    // Restored, as from the database: a key cannot be issued already expired.
    const expired = ApiKey.restore({ ...key('key_expired', ports).snapshot, expiresAt: minutesAgo(1), version: 1 });
    ports.keys.add(revoked).add(expired).add(key('key_owner-off', ports), { active: false });
    for (const secret of ['key_unknown', 'key_revoked', 'key_expired', 'key_owner-off'])
      await expect(handler.execute({ credential: secret })).rejects.toThrow(Unauthenticated);
    expect(ports.keys.uses).toEqual([]);
  });
});
