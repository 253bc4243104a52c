import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { ADMIN, Client, newUser, startAuthApp } from './auth-client.js';
import { claimsOf, TokenForge } from './forged-tokens.js';

// Routes that answer without a principal; every other operation of the document must refuse one.
const PUBLIC_OPERATIONS = new Set([
  'post /api/v1/auth/login',
  'post /api/v1/auth/refresh',
  'post /api/v1/auth/browser/login',
  'post /api/v1/auth/browser/refresh',
  'post /api/v1/auth/sign-up',
  'get /.well-known/jwks.json',
  'get /health/live',
  'get /health/ready',
  'get /health/startup',
]);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly security?: unknown[];
}

interface Protection {
  /** The document-wide requirement, which every operation without its own `security` is under. */
  readonly required: unknown[];
  readonly operations: Operation[];
}

async function protectedOperations(client: Client): Promise<Protection> {
  const document = (await client.call('GET', '/docs/openapi.json')).body as {
    security?: unknown[];
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => !PUBLIC_OPERATIONS.has(`${method} ${path}`))
      .map(([method, operation]) => ({ method, path, security: operation.security ?? document.security })),
  );
  return { required: document.security ?? [], operations };
}

describe('access tokens that must be refused', () => {
  let app: TestApp;
  let anonymous: Client;
  const badTokens = new Map<string, string>();
  let operations: Operation[];
  let required: unknown[];

  beforeAll(async () => {
    app = await startAuthApp();
    anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const forge = await TokenForge.fromDatabase();
    const victim = await newUser(admin, anonymous);
    const claims = claimsOf(victim.tokens.accessToken);
    const now = Math.floor(Date.now() / 1000);

    badTokens.set('alg none', forge.algNone(claims));
    badTokens.set('HS256 signed with the public key', forge.hs256WithPublicKey(claims));
    badTokens.set('unknown kid', await forge.unknownKid(claims));
    badTokens.set('expired', await forge.signed(claims, { exp: now - 120 }));
    badTokens.set('not yet valid', await forge.signed(claims, { nbf: now + 3600 }));
    badTokens.set('wrong audience', await forge.signed(claims, { aud: 'another-api' }));
    badTokens.set('wrong issuer', await forge.signed(claims, { iss: 'https://evil.example' }));
    badTokens.set('wrong typ', await forge.signed(claims, { typ: 'JWT' }));
    badTokens.set(
      'unknown session',
      await forge.signed({ sub: claims.sub, sid: '01900000-0000-7000-8000-000000000000' }),
    );
    badTokens.set('refresh token as access token', victim.tokens.refreshToken);
    badTokens.set('tampered payload', tamper(victim.tokens.accessToken));

    const loggedOut = await newUser(admin, anonymous);
    expect((await loggedOut.client.call('POST', '/api/v1/auth/logout')).status).toBe(204);
    badTokens.set('after logout', loggedOut.tokens.accessToken);

    const changer = await newUser(admin, anonymous);
    const otherSession = await anonymous.login(changer.email, changer.password);
    const changed = await changer.client.call('PUT', '/api/v1/users/me/password', {
      currentPassword: changer.password,
      newPassword: 'an entirely new passphrase',
    });
    expect(changed.status).toBe(204);
    badTokens.set('after a password change (other session)', otherSession.accessToken);

    const disabled = await newUser(admin, anonymous);
    expect((await admin.call('POST', `/api/v1/users/${disabled.id}/disable`)).status).toBe(200);
    badTokens.set('after the account is disabled', disabled.tokens.accessToken);

    ({ operations, required } = await protectedOperations(anonymous));
  });
  afterAll(() => app.close());

  it('finds the protected routes in the OpenAPI document, each documented with the bearer scheme', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(required).toContainEqual({ bearer: [] });
    const undocumented = operations.filter((operation) => !operation.security?.length);
    expect(undocumented.map((operation) => `${operation.method} ${operation.path}`)).toEqual([]);
  });

  it('accepts a correctly forged token, so the refusals below are about the one broken rule', async () => {
    const forge = await TokenForge.fromDatabase();
    const admin = await anonymous.login(ADMIN.email, ADMIN.password);
    const valid = await forge.signed(claimsOf(admin.accessToken));
    expect((await anonymous.withToken(valid).call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('says an expired token expired, and tells nothing more of the other bad tokens', async () => {
    const expired = await anonymous.withToken(badTokens.get('expired')!).call('GET', '/api/v1/users/me');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      type: '/problems/access-token-expired',
      detail: 'The access token has expired; refresh it or log in again',
    });
    for (const name of ['wrong audience', 'tampered payload', 'alg none']) {
      const refused = await anonymous.withToken(badTokens.get(name)!).call('GET', '/api/v1/users/me');
      expect({ name, status: refused.status, type: refused.body.type }).toEqual({
        name,
        status: 401,
        type: '/problems/unauthenticated',
      });
    }
  });

  it('answers 401 to every bad token on every protected route', async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      const path = operation.path.replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000001');
      for (const [name, token] of [['no token', undefined] as const, ...badTokens]) {
        const client = token === undefined ? anonymous : anonymous.withToken(token);
        const body = ['post', 'put', 'patch'].includes(operation.method) ? {} : undefined;
        const { status } = await client.call(operation.method.toUpperCase(), path, body);
        if (status !== 401) failures.push(`${name}: ${operation.method} ${path} answered ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: '01900000-0000-7000-8000-000000000002' })).toString(
    'base64url',
  );
  return `${header}.${forged}.${signature}`;
}
