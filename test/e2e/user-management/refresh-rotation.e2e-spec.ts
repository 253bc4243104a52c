import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { waitFor } from '@libs/testing';
import pg from 'pg';
import { ADMIN, Client, newUser, startAuthApp } from './auth-client.js';

describe('refresh token rotation over HTTP', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;

  beforeAll(async () => {
    app = await startAuthApp();
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  });
  afterAll(() => app.close());

  it('rotates on every use and keeps the session', async () => {
    const user = await newUser(admin, anonymous);
    const first = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.tokens.refreshToken);
    const second = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect((await anonymous.withToken(second.body.accessToken).call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('answers a replayed refresh token with 401 and revokes its whole family', async () => {
    const user = await newUser(admin, anonymous);
    const rotated = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(rotated.status).toBe(200);

    const replay = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.type).toBe('/problems/refresh-token-reused');

    // The newer token of the family and the session's access tokens are dead too.
    expect(
      (await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: rotated.body.refreshToken })).status,
    ).toBe(401);
    expect((await anonymous.withToken(rotated.body.accessToken).call('GET', '/api/v1/users/me')).status).toBe(401);

    const audit = await admin.call('GET', `/api/v1/audit-log?action=refresh-token.reused&subjectId=${user.id}`);
    expect(audit.body.items).toHaveLength(1);
    await waitFor(
      async () => (await outboxOrStreamHas('user-management.refresh-token.reused.v1', user.id)) || undefined,
      {
        what: 'the token reuse event',
      },
    );
  });

  it('refuses the refresh token of a logged-out session', async () => {
    const user = await newUser(admin, anonymous);
    expect((await user.client.call('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(
      (await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken })).status,
    ).toBe(401);
  });

  it('lists my sessions with device and last use, and revokes one', async () => {
    const user = await newUser(admin, anonymous);
    const phone = await anonymous.withHeaders({ 'user-agent': 'PhoneApp/1.0' }).login(user.email, user.password);
    const listed = await user.client.call('GET', '/api/v1/auth/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    const sessions = listed.body as { id: string; device: string }[];
    const phoneSession = sessions.find((session) => session.device === 'PhoneApp/1.0')!;
    expect(phoneSession).toMatchObject({ current: false, lastUsedAt: expect.any(String), ip: expect.any(String) });
    expect((await user.client.call('DELETE', `/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await anonymous.withToken(phone.accessToken).call('GET', '/api/v1/users/me')).status).toBe(401);
    // Someone else's session is not found, and stays alive.
    const other = await newUser(admin, anonymous);
    const otherSessions = await other.client.call('GET', '/api/v1/auth/sessions');
    expect((await user.client.call('DELETE', `/api/v1/auth/sessions/${otherSessions.body[0].id}`)).status).toBe(404);
    expect((await other.client.call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('logs out everywhere', async () => {
    const user = await newUser(admin, anonymous);
    const second = await anonymous.login(user.email, user.password);
    expect((await user.client.call('DELETE', '/api/v1/auth/sessions')).status).toBe(204);
    expect((await user.client.call('GET', '/api/v1/users/me')).status).toBe(401);
    expect((await anonymous.withToken(second.accessToken).call('GET', '/api/v1/users/me')).status).toBe(401);
  });
});

/** The event is in the outbox (not yet relayed) or already relayed: either proves it was published with the change. */
async function outboxOrStreamHas(type: string, userId: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM user_management.outbox WHERE type = $1 AND envelope->'payload'->>'userId' = $2`,
      [type, userId],
    );
    if (rows.length > 0) return true;
  } finally {
    await client.end();
  }
  const { Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    const entries = await redis.xrange('events.user-management', '-', '+');
    return entries.some(([, fields]) => fields.join(' ').includes(type) && fields.join(' ').includes(userId));
  } finally {
    redis.disconnect();
  }
}
