import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTHeaderParameters } from 'jose';
import { isUuid } from '@libs/ddd';
import { AccessTokenVerifier, type AccessTokenClaims } from '../../application/ports/access-tokens.js';
import { AccessTokenExpired, Unauthenticated } from '../../domain/errors.js';
import { ACCESS_CONFIG, type AccessConfig } from '../config/user-management-config.js';
import { PublicKeySet } from './public-key-set.js';
import { ACCESS_TOKEN_TYPE, SIGNING_ALGORITHM } from './token-format.js';

const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * RFC 8725 checks: one allow-listed algorithm (so `none` and HS256-with-the-public-key fail
 * before any key is used), a known kid, `typ`, `iss`, `aud`, `exp`, `nbf`, and our own claims.
 */
@Injectable()
export class JoseAccessTokenVerifier extends AccessTokenVerifier {
  constructor(
    private readonly keys: PublicKeySet,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {
    super();
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: [SIGNING_ALGORITHM],
        issuer: this.config.issuer,
        audience: this.config.audience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'nbf', 'iat', 'sub', 'sid', 'jti'],
      });
      const { sub, sid } = payload as { sub?: unknown; sid?: unknown };
      if (typeof sub !== 'string' || typeof sid !== 'string' || !isUuid(sub) || !isUuid(sid))
        throw new Unauthenticated('Invalid access token');
      return { userId: sub, sessionId: sid };
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      // jose checks the signature before the claims: only a token we issued is reported as expired.
      if (error instanceof errors.JWTExpired) throw new AccessTokenExpired();
      // jose reports malformed input as JOSEError or, for some encodings, TypeError: both are a bad token.
      if (error instanceof errors.JOSEError || error instanceof TypeError)
        throw new Unauthenticated('Invalid access token');
      throw error;
    }
  }

  private async keyFor(header: JWTHeaderParameters) {
    const key = header.kid ? await this.keys.keyFor(header.kid) : undefined;
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  }
}
