import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { Redis } from 'ioredis';
import { Client, startAuthApp } from './auth-client.js';

const ATTEMPTS = 70;

/** Wrong logins for 70 different accounts, each claiming another address in X-Forwarded-For. */
async function forgedAddressGuesses(client: Client): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < ATTEMPTS; index += 1) {
    const response = await client
      .withHeaders({ 'x-forwarded-for': `198.51.100.${index + 1}` })
      .call('POST', '/api/v1/auth/login', { email: `nobody-${index}@example.com`, password: 'guess' });
    statuses.push(response.status);
  }
  return statuses;
}

describe('X-Forwarded-For and X-Forwarded-Proto', () => {
  let app: TestApp | undefined;

  // The address counters live in this worker's Redis db, shared with the other test files, which
  // all log in from 127.0.0.1: start from none, and leave none behind.
  const forgetAddresses = async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const keys = await redis.keys('user-management:{login:ip:*');
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  };
  beforeEach(forgetAddresses);
  afterEach(async () => {
    await app?.close();
    await forgetAddresses();
  });

  it('are ignored from a client that is no trusted proxy: its real address is throttled', async () => {
    app = await startAuthApp({ TRUSTED_PROXIES: '', LOGIN_IP_MAX_FAILURES: '5', LOGIN_LOCK_BASE_SECONDS: '60' });
    const statuses = await forgedAddressGuesses(new Client(app.url));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);

    const https = await fetch(`${app.url}/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toBeNull();
  });

  it('are believed from a configured proxy', async () => {
    app = await startAuthApp({
      TRUSTED_PROXIES: '127.0.0.1, ::1',
      LOGIN_IP_MAX_FAILURES: '5',
      LOGIN_LOCK_BASE_SECONDS: '60',
    });
    const statuses = await forgedAddressGuesses(new Client(app.url));
    expect(statuses.every((status) => status === 401)).toBe(true);

    const https = await fetch(`${app.url}/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});
