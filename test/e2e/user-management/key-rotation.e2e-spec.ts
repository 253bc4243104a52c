import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { decodeProtectedHeader } from 'jose';
import { SigningKeyRing } from '../../../src/contexts/user-management/infrastructure/tokens/signing-key-ring.js';
import { ADMIN, Client, startAuthApp } from './auth-client.js';

describe('signing key rotation', () => {
  let app: TestApp;
  let anonymous: Client;

  beforeAll(async () => {
    app = await startAuthApp();
    anonymous = new Client(app.url);
  });
  afterAll(() => app.close());

  it('signs with the new key and keeps tokens of the retired one valid, both published in the JWKS', async () => {
    const before = await anonymous.login(ADMIN.email, ADMIN.password);
    await app.app.get(SigningKeyRing, { strict: false }).rotate();
    const after = await anonymous.login(ADMIN.email, ADMIN.password);

    const [oldKid, newKid] = [before, after].map((tokens) => decodeProtectedHeader(tokens.accessToken).kid);
    expect(newKid).toBeDefined();
    expect(newKid).not.toBe(oldKid);
    for (const tokens of [before, after]) {
      expect((await anonymous.withToken(tokens.accessToken).call('GET', '/api/v1/users/me')).status).toBe(200);
    }
    const jwks = (await (await fetch(`${app.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
  });
});
