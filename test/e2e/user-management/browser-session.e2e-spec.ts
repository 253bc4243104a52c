import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { ADMIN, Client, newUser, startAuthApp } from './auth-client.js';

/** The name=value part of the refresh cookie a response sets, and its attributes in lower case. */
function refreshCookie(headers: Headers): { pair: string; attributes: string[] } {
  const cookies = headers.getSetCookie().filter((cookie) => cookie.startsWith('platform_refresh='));
  expect(cookies).toHaveLength(1);
  const [pair, ...attributes] = cookies[0].split(';').map((part) => part.trim());
  return { pair, attributes: attributes.map((attribute) => attribute.toLowerCase()) };
}

describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;

  beforeAll(async () => {
    app = await startAuthApp();
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  });
  afterAll(() => app.close());

  async function browserLogin(): Promise<{ accessToken: string; cookie: string }> {
    const user = await newUser(admin, anonymous);
    const login = await anonymous.call('POST', '/api/v1/auth/browser/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);
    return { accessToken: login.body.accessToken, cookie: refreshCookie(login.headers).pair };
  }

  it('logs in with the refresh token in a cookie no script can read, sent only to the browser-session routes', async () => {
    const user = await newUser(admin, anonymous);
    const login = await anonymous.call('POST', '/api/v1/auth/browser/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).not.toHaveProperty('refreshToken');
    const { attributes } = refreshCookie(login.headers);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth/browser']));
    // A session cookie: no expiry of its own; and plain HTTP here, so not Secure.
    expect(attributes.some((attribute) => /^(max-age|expires)=/.test(attribute))).toBe(false);
    expect(attributes).not.toContain('secure');
    expect((await anonymous.withToken(login.body.accessToken).call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('trades the cookie for a new access token and a new cookie, and a replayed cookie ends the session', async () => {
    const { cookie } = await browserLogin();
    const refreshed = await anonymous.withHeaders({ cookie }).call('POST', '/api/v1/auth/browser/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    const next = refreshCookie(refreshed.headers).pair;
    expect(next).not.toBe(cookie);
    expect((await anonymous.withToken(refreshed.body.accessToken).call('GET', '/api/v1/users/me')).status).toBe(200);

    const replayed = await anonymous.withHeaders({ cookie }).call('POST', '/api/v1/auth/browser/refresh');
    expect(replayed.status).toBe(401);
    // The reuse ended the whole session: the newest cookie is refused too.
    expect((await anonymous.withHeaders({ cookie: next }).call('POST', '/api/v1/auth/browser/refresh')).status).toBe(
      401,
    );
  });

  it('answers a refresh without the cookie with 401 problem+json', async () => {
    const refused = await anonymous.call('POST', '/api/v1/auth/browser/refresh');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/log in/i);
  });

  it('logs out: the session ends and the cookie is dropped', async () => {
    const { accessToken, cookie } = await browserLogin();
    const out = await anonymous
      .withToken(accessToken)
      .withHeaders({ cookie })
      .call('POST', '/api/v1/auth/browser/logout');
    expect(out.status).toBe(204);
    const dropped = refreshCookie(out.headers);
    expect(dropped.pair).toBe('platform_refresh=');
    expect(dropped.attributes).toContain('max-age=0');
    expect((await anonymous.withHeaders({ cookie }).call('POST', '/api/v1/auth/browser/refresh')).status).toBe(401);
  });
});
