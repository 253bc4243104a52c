import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { scaled, waitFor } from '@libs/testing';
import { directoryWithoutRoutes } from '../../../../../test/support/api-gateway/fake-ports.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { JwksAccessTokenReader } from './jwks-access-token-reader.js';

const ISSUER = 'mlops-platform';
const AUDIENCE = 'mlops-platform-api';

describe('JwksAccessTokenReader', () => {
  let server: Server;
  let privateKey: CryptoKey;
  let reader: JwksAccessTokenReader;

  const token = (subject: string, expiresAtSeconds: number): Promise<string> =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(expiresAtSeconds)
      .sign(privateKey);
  const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const settings = {
      publicUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      tryTimeoutMs: 5000,
      accessTokenIssuer: ISSUER,
      accessTokenAudience: AUDIENCE,
    } as const satisfies Partial<GatewaySettings>;
    reader = new JwksAccessTokenReader(directoryWithoutRoutes(), settings as GatewaySettings);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('names the user of a verified token, again from memory, and nobody for the same claims with another signature', async () => {
    const valid = await token('user-1', inSeconds(600));
    expect(await reader.userOf(valid)).toBe('user-1');
    expect(await reader.userOf(valid)).toBe('user-1');
    const [header, payload, signature] = valid.split('.');
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await reader.userOf(forged)).toBeUndefined();
  });

  it('stops naming the user of a remembered token once it expired (past the clock tolerance)', async () => {
    // Expired 4 s ago: still within the 5 s tolerance for about a second.
    const expiring = await token('user-2', inSeconds(-4));
    expect(await reader.userOf(expiring)).toBe('user-2');
    await waitFor(async () => (await reader.userOf(expiring)) === undefined, {
      timeoutMs: scaled(10_000),
      what: 'the expired token to name nobody',
    });
  });
});
