import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import pg from 'pg';
import { ADMIN, Client, newUser, startAuthApp, type NewUser } from './auth-client.js';

// Raw JSON, so the keys reach the server exactly as an attacker would write them.
const HOSTILE_PROFILE_BODIES = [
  '{"displayName":"Mallory","role":"admin"}',
  '{"displayName":"Mallory","isAdmin":true}',
  '{"displayName":"Mallory","status":"active","email":"x@example.org"}',
  '{"displayName":"Mallory","__proto__":{"isAdmin":true}}',
  '{"displayName":"Mallory","constructor":{"prototype":{"isAdmin":true}}}',
  '{"__proto__":{"polluted":true},"displayName":"Mallory"}',
];

describe('bodies with fields nobody may set', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;
  let user: NewUser;
  let database: pg.Client;

  beforeAll(async () => {
    app = await startAuthApp({ AUTH_SELF_SIGNUP: 'true' });
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    user = await newUser(admin, anonymous);
    database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
  });
  afterAll(async () => {
    await database.end();
    await app.close();
  });

  const snapshot = async () =>
    (
      await database.query(
        'SELECT id, email, display_name, is_admin, status, version FROM user_management.users ORDER BY id',
      )
    ).rows;

  it.each(HOSTILE_PROFILE_BODIES)('answers 400 to %s and changes nothing', async (body) => {
    const before = await snapshot();
    const response = await user.client.call('PATCH', '/api/v1/users/me', body);
    expect(response.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  it.each([
    [
      'POST',
      '/api/v1/auth/sign-up',
      '{"email":"m@example.org","password":"long enough secret","displayName":"M","isAdmin":true}',
    ],
    [
      'POST',
      '/api/v1/auth/sign-up',
      '{"email":"m@example.org","password":"long enough secret","displayName":"M","__proto__":{"isAdmin":true}}',
    ],
    [
      'POST',
      '/api/v1/projects',
      '{"name":"p","members":[{"userId":"01900000-0000-7000-8000-000000000000","role":"owner"}]}',
    ],
    [
      'POST',
      '/api/v1/api-keys',
      '{"name":"k","projectId":"01900000-0000-7000-8000-000000000000","permissions":["workflow:read"],"ownerId":"x"}',
    ],
    [
      'PUT',
      '/api/v1/users/me/password',
      '{"currentPassword":"x","newPassword":"y","constructor":{"prototype":{"x":1}}}',
    ],
  ])('answers 400 to %s %s with an extra field and creates nothing', async (method, path, body) => {
    const before = await snapshot();
    const projects = (await database.query('SELECT count(*)::int AS n FROM user_management.projects')).rows[0].n;
    const response = await user.client.call(method, path, body);
    expect(response.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect((await database.query('SELECT count(*)::int AS n FROM user_management.projects')).rows[0].n).toBe(projects);
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  it('signs up without becoming an admin', async () => {
    const response = await anonymous.call('POST', '/api/v1/auth/sign-up', {
      email: 'Self.Service@Example.org',
      password: 'my own long passphrase',
      displayName: 'Self',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: 'self.service@example.org', isAdmin: false });
    // The same address in another case is the same account.
    const again = await anonymous.call('POST', '/api/v1/auth/sign-up', {
      email: 'SELF.service@example.org',
      password: 'my own long passphrase',
      displayName: 'Self',
    });
    expect(again.status).toBe(409);
    expect(
      (
        await anonymous.call('POST', '/api/v1/auth/sign-up', {
          email: 'c@example.org',
          password: 'password1',
          displayName: 'C',
        })
      ).status,
    ).toBe(400);
  });
});
