import { createHmac, createPublicKey } from 'node:crypto';
import { generateKeyPair, importPKCS8, SignJWT, type JWK } from 'jose';
import pg from 'pg';
import { PrivateKeyCipher } from '../../../src/contexts/user-management/infrastructure/tokens/private-key-cipher.js';

const DEVELOPMENT_SECRET = 'development-only-key-encryption-secret-not-for-production';

export interface TokenClaims {
  readonly sub: string;
  readonly sid: string;
}

const base64url = (value: object | string): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Builds access tokens that must all be refused: each breaks exactly one rule of the verifier. */
export class TokenForge {
  private constructor(
    private readonly kid: string,
    private readonly privateKey: Awaited<ReturnType<typeof importPKCS8>>,
    private readonly publicJwk: JWK,
  ) {}

  /** Reads the platform's current signing key straight from the database (test-only). */
  static async fromDatabase(): Promise<TokenForge> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ kid: string; private_key_encrypted: string; public_jwk: JWK }>(
        'SELECT kid, private_key_encrypted, public_jwk FROM user_management.signing_keys WHERE retired_at IS NULL',
      );
      const pem = new PrivateKeyCipher(DEVELOPMENT_SECRET).open(rows[0].private_key_encrypted, rows[0].kid);
      return new TokenForge(rows[0].kid, await importPKCS8(pem, 'ES256'), rows[0].public_jwk);
    } finally {
      await client.end();
    }
  }

  /** A correctly signed token with the given changes to header or claims. */
  async signed(
    claims: TokenClaims,
    changes: { exp?: number; nbf?: number; aud?: string; iss?: string; typ?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: changes.typ ?? 'at+jwt' })
      .setIssuer(changes.iss ?? 'mlops-platform')
      .setAudience(changes.aud ?? 'mlops-platform-api')
      .setSubject(claims.sub)
      .setJti(crypto.randomUUID())
      .setIssuedAt(now - 60)
      .setNotBefore(changes.nbf ?? now - 60)
      .setExpirationTime(changes.exp ?? now + 600)
      .sign(this.privateKey);
  }

  payload(claims: TokenClaims): object {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: 'mlops-platform',
      aud: 'mlops-platform-api',
      sub: claims.sub,
      sid: claims.sid,
      jti: crypto.randomUUID(),
      iat: now,
      nbf: now,
      exp: now + 600,
    };
  }

  algNone(claims: TokenClaims): string {
    return `${base64url({ alg: 'none', typ: 'at+jwt', kid: this.kid })}.${base64url(this.payload(claims))}.`;
  }

  /** The classic key-confusion attack: HMAC keyed with the public key a verifier might trust. */
  hs256WithPublicKey(claims: TokenClaims): string {
    const pem = createPublicKey({ key: this.publicJwk, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const signingInput = `${base64url({ alg: 'HS256', typ: 'at+jwt', kid: this.kid })}.${base64url(this.payload(claims))}`;
    return `${signingInput}.${createHmac('sha256', pem).update(signingInput).digest('base64url')}`;
  }

  async unknownKid(claims: TokenClaims): Promise<string> {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'ES256', kid: crypto.randomUUID(), typ: 'at+jwt' })
      .setIssuer('mlops-platform')
      .setAudience('mlops-platform-api')
      .setSubject(claims.sub)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('10m')
      .sign(privateKey);
  }
}

export function claimsOf(accessToken: string): TokenClaims {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as TokenClaims;
}
