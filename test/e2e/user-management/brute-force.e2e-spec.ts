import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestApp } from '@libs/testing';
import { ADMIN, Client, newUser, startAuthApp, type NewUser } from './auth-client.js';

describe('brute-force defence', () => {
  let app: TestApp;
  let anonymous: Client;
  let victim: NewUser;

  beforeAll(async () => {
    app = await startAuthApp({
      LOGIN_MAX_FAILURES: '5',
      LOGIN_IP_MAX_FAILURES: '20',
      // Long enough to outlast the burst on a loaded machine, short enough to wait for its end.
      LOGIN_LOCK_BASE_SECONDS: '4',
      LOGIN_LOCK_MAX_SECONDS: '5',
      // The attempts come from ten addresses through this proxy (the test), as X-Forwarded-For says.
      TRUSTED_PROXIES: '127.0.0.1',
    });
    anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    victim = await newUser(admin, anonymous);
  });
  afterAll(() => app.close());

  it('answers 50 wrong passwords from 10 addresses with 401s then 429s, never a 5xx, and lets the owner back in', async () => {
    const attempts = Array.from({ length: 50 }, (_, index) => {
      const attacker = anonymous.withHeaders({ 'x-forwarded-for': `203.0.113.${index % 10}` });
      return attacker.call('POST', '/api/v1/auth/login', { email: victim.email, password: `guess number ${index}` });
    });
    const responses = await Promise.all(attempts);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const throttled = responses.filter((response) => response.status === 429);
    // Admission counts each guess as it arrives: of a parallel burst, only the first five are compared.
    expect(throttled.length).toBeGreaterThanOrEqual(44);
    for (const response of throttled) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.body.type).toBe('/problems/too-many-login-attempts');
    }

    // The lock is temporary: the right password works again once it ends.
    const tokens = await waitFor(
      async () => {
        const response = await anonymous.call('POST', '/api/v1/auth/login', {
          email: victim.email,
          password: victim.password,
        });
        return response.status === 200 ? response.body : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250, what: 'the lock to end' },
    );
    expect(tokens.accessToken).toEqual(expect.any(String));
  });
});
