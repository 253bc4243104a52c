import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { Redis } from 'ioredis';
import { ADMIN, Client, newUser, startAuthApp, type NewUser } from './auth-client.js';

const IDLE_SECONDS = 3600;

describe('sessions unused for AUTH_SESSION_IDLE_SECONDS end', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;
  let redis: Redis;

  beforeAll(async () => {
    process.env.AUTH_SESSION_IDLE_SECONDS = String(IDLE_SECONDS);
    app = await startAuthApp();
    redis = new Redis(app.config.redisUrl);
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  });
  afterAll(async () => {
    delete process.env.AUTH_SESSION_IDLE_SECONDS;
    redis.disconnect();
    await app.close();
  });

  /** The session of a user's tokens, as the store keeps it (one per user here). */
  async function sessionKeyOf(user: NewUser): Promise<string> {
    const keys = await redis.keys(`user-management:{u:${user.id}}:session:*`);
    expect(keys).toHaveLength(1);
    return keys[0];
  }

  /** Time passing without use: the session's last use moves back by `seconds`. */
  async function unusedFor(user: NewUser, seconds: number): Promise<void> {
    await redis.hset(await sessionKeyOf(user), 'lastUsedAt', String(Date.now() - seconds * 1000));
  }

  it('keeps a session used within the idle time', async () => {
    const user = await newUser(admin, anonymous);
    await unusedFor(user, IDLE_SECONDS - 120);
    expect((await user.client.call('GET', '/api/v1/users/me')).status).toBe(200);
    const refreshed = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(refreshed.status).toBe(200);
  });

  it('ends a session unused longer than the idle time: its access token and refresh token answer 401', async () => {
    const user = await newUser(admin, anonymous);
    const key = await sessionKeyOf(user);
    await unusedFor(user, IDLE_SECONDS + 120);
    const me = await user.client.call('GET', '/api/v1/users/me');
    expect(me.status).toBe(401);
    expect(me.body.detail).toBe('This session has ended after a time unused');
    expect(await redis.exists(key)).toBe(0);
    const refresh = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('ends an idle session at its refresh too, and its family with it', async () => {
    const user = await newUser(admin, anonymous);
    await unusedFor(user, IDLE_SECONDS + 120);
    const refresh = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.detail).toBe('This session has ended after a time unused');
    expect((await user.client.call('GET', '/api/v1/users/me')).status).toBe(401);
  });
});
