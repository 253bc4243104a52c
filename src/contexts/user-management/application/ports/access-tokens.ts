export interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Port: signs short-lived access tokens (hosted with user-management only: it holds private keys). */
export abstract class AccessTokenIssuer {
  abstract issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
}

/** Port: checks an access token's signature and claims; throws Unauthenticated otherwise. */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<AccessTokenClaims>;
}
