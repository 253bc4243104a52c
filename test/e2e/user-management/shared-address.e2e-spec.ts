import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { ADMIN, Client, newUser, startAuthApp, type NewUser } from './auth-client.js';

// An address of its own, so the counters of the other test files (all from 127.0.0.1) stay apart.
const OFFICE = '192.0.2.77';

describe('an office behind one address', () => {
  let app: TestApp;
  let office: Client;
  let careless: NewUser;
  let colleague: NewUser;

  beforeAll(async () => {
    app = await startAuthApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_IP_MAX_FAILURES: '8',
      LOGIN_LOCK_BASE_SECONDS: '60',
      LOGIN_LOCK_MAX_SECONDS: '60',
      TRUSTED_PROXIES: '127.0.0.1',
    });
    const anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    careless = await newUser(admin, anonymous);
    colleague = await newUser(admin, anonymous);
    office = anonymous.withHeaders({ 'x-forwarded-for': OFFICE });
  });
  afterAll(() => app.close());

  const logIn = (email: string, password: string) => office.call('POST', '/api/v1/auth/login', { email, password });

  it('is not locked out by one account retrying while it is locked: only compared passwords count', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1)
      statuses.push((await logIn(careless.email, `forgot it ${attempt}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));

    expect((await logIn(colleague.email, colleague.password)).status).toBe(200);
  });

  it('is locked once real password failures from it reach the address limit, across accounts', async () => {
    // Three failures so far; five more (under each account's own limit) reach the address's eight.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      statuses.push((await logIn(`stranger-${attempt}@example.com`, 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const refused = await logIn(colleague.email, colleague.password);
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe('/problems/too-many-login-attempts');
  });
});
