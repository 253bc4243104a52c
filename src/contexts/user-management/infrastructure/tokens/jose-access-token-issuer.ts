import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { newId } from '@libs/ddd';
import {
  AccessTokenIssuer,
  type AccessTokenClaims,
  type IssuedAccessToken,
} from '../../application/ports/access-tokens.js';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';
import { SigningKeyRing } from './signing-key-ring.js';
import { ACCESS_TOKEN_TYPE, SIGNING_ALGORITHM } from './token-format.js';

/** Short-lived ES256 access tokens (RFC 9068 shape) carrying the session id. */
@Injectable()
export class JoseAccessTokenIssuer extends AccessTokenIssuer {
  constructor(
    private readonly ring: SigningKeyRing,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
  ) {
    super();
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const { kid, key } = await this.ring.signingKey();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setSubject(claims.userId)
      .setJti(newId())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.config.accessTokenTtlSeconds)
      .sign(key);
    return { token, expiresInSeconds: this.config.accessTokenTtlSeconds };
  }
}
