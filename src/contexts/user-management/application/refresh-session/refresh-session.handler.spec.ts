import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { RefreshTokenReused, Unauthenticated } from '../../domain/errors.js';
import { RefreshTokenFamily } from '../../domain/sessions/refresh-token-family.js';
import { RefreshSessionHandler } from './refresh-session.handler.js';

function arrange(lastUsedAt = new Date()) {
  const ports = fakeUserManagementPorts();
  const now = new Date();
  ports.families.add(
    RefreshTokenFamily.start({
      sessionId: 'session-1',
      userId: 'user-1',
      tokenHash: ports.secrets.digest('rt_first'),
      now,
      lifetimeMs: 3600_000,
    }),
  );
  ports.sessions.add({
    id: 'session-1',
    userId: 'user-1',
    isAdmin: false,
    device: 'test',
    ip: '192.0.2.1',
    createdAt: now,
    lastUsedAt,
    expiresAt: new Date(now.getTime() + 3600_000),
  });
  const handler = new RefreshSessionHandler(
    ports.families,
    ports.sessions,
    ports.accessTokens,
    ports.secrets,
    ports.transaction,
    ports.audit,
    ports.events,
    ports.limits,
  );
  return { ports, handler };
}

const refresh = (refreshToken: string) => ({ refreshToken, ip: '198.51.100.7' });

describe('refreshing a session', () => {
  it('spends the presented token and hands out a new one of the same family', async () => {
    const { ports, handler } = arrange();
    const tokens = await handler.execute(refresh('rt_first'));
    const family = ports.families.byId.get('session-1')!;
    expect(tokens.sessionId).toBe('session-1');
    expect(tokens.refreshToken).not.toBe('rt_first');
    expect(family.currentTokenHash).toBe(ports.secrets.digest(tokens.refreshToken));
    expect(family.generation).toBe(2);
    expect(tokens.accessToken).toBe('access:user-1:session-1');
  });

  it('revokes the whole family and ends the session when a spent token comes back', async () => {
    const { ports, handler } = arrange();
    const next = await handler.execute(refresh('rt_first'));
    await expect(handler.execute(refresh('rt_first'))).rejects.toThrow(RefreshTokenReused);
    expect(ports.families.byId.get('session-1')?.revokedReason).toBe('reuse');
    expect(ports.sessions.live.has('session-1')).toBe(false);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({ action: 'refresh-token.reused', subjectId: 'user-1' }),
    ]);
    expect(ports.events.types()).toEqual([
      'user-management.refresh-token.reused.v1',
      'user-management.session.revoked.v1',
    ]);
    // The newer token, which the thief may hold, is dead too.
    await expect(handler.execute(refresh(next.refreshToken))).rejects.toThrow(Unauthenticated);
  });

  it('treats losing a race to a concurrent rotation as a second use of the token', async () => {
    const { ports, handler } = arrange();
    // The first save loses; the retry finds the family already past the presented token.
    ports.families.conflictsAhead = 1;
    await expect(handler.execute(refresh('rt_first'))).rejects.toThrow(RefreshTokenReused);
    expect(ports.families.conflictsAhead).toBe(0);
    expect(ports.families.byId.get('session-1')?.revokedReason).toBe('reuse');
  });

  it('refuses a secret that is not a refresh token without looking it up', async () => {
    const { ports, handler } = arrange();
    await expect(handler.execute(refresh('key_1'))).rejects.toThrow(Unauthenticated);
    expect(ports.families.saved).toEqual([]);
  });

  it('refuses an unknown refresh token', async () => {
    const { handler } = arrange();
    await expect(handler.execute(refresh('rt_unknown'))).rejects.toThrow(Unauthenticated);
  });

  it('ends the family when its session was ended elsewhere', async () => {
    const { ports, handler } = arrange();
    ports.sessions.live.clear();
    await expect(handler.execute(refresh('rt_first'))).rejects.toThrow(Unauthenticated);
    expect(ports.families.byId.get('session-1')?.revokedReason).toBe('revoked');
  });

  it('ends a session left unused longer than the idle limit', async () => {
    const { ports, handler } = arrange(new Date(Date.now() - 2 * 3600_000));
    await expect(handler.execute(refresh('rt_first'))).rejects.toThrow('after a time unused');
    expect(ports.sessions.live.has('session-1')).toBe(false);
    expect(ports.families.byId.get('session-1')?.isLive(new Date())).toBe(false);
  });
});
