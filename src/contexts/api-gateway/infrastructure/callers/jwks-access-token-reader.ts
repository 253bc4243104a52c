import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { AccessTokenReader } from './access-token-reader.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import { UpstreamDirectory } from '../routing/upstream-directory.js';

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

// user-management's public keys (its JwksController) and the shape of its access tokens (RFC 9068).
const JWKS_PATH = '/.well-known/jwks.json';
const SIGNING_ALGORITHM = 'ES256';
const ACCESS_TOKEN_TYPE = 'at+jwt';
const CLOCK_TOLERANCE_SECONDS = 5;
// One entry per access token in use (a user's token is reused until it expires); past it, the least recently used are verified again.
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * The user an access token was issued to, once its signature and claims are verified against the
 * platform's JSON Web Key Set, fetched from an instance serving it (found through the service
 * registry, or this process itself) and cached by jose (a kid it does not know fetches again, at
 * most every 30 s). A token it cannot verify names nobody: the instance serving the route refuses it.
 *
 * A verified token's user is kept until the token expires: a client sends the same token with every
 * request until then, and an ES256 check through WebCrypto was a quarter of a gateway's CPU per
 * forwarded request. The key is the whole token, so a token differing in any byte (a forged
 * signature, other claims) is verified on its own. A token whose signing key is withdrawn meanwhile
 * still names its user here until it expires: it only picks the budget it is counted in, and the
 * instance serving the route checks it again.
 */
@Injectable()
export class JwksAccessTokenReader extends AccessTokenReader {
  private current: { readonly url: string; readonly keySet: RemoteKeySet } | undefined;
  private readonly verified = new LRUCache<string, string>({ max: MAX_VERIFIED_TOKENS });

  constructor(
    private readonly directory: UpstreamDirectory,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {
    super();
  }

  async userOf(token: string): Promise<string | undefined> {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    try {
      const { payload } = await jwtVerify(token, this.keySet(), {
        algorithms: [SIGNING_ALGORITHM],
        issuer: this.settings.accessTokenIssuer,
        audience: this.settings.accessTokenAudience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      const { sub, exp } = payload;
      if (sub === undefined || exp === undefined) return undefined;
      // Kept as long as jose would accept it: until its expiry, with the same tolerance.
      const ttl = (exp + CLOCK_TOLERANCE_SECONDS) * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, sub, { ttl });
      return sub;
    } catch {
      // Any failure (a bad token, no instance serving the keys) means the caller is not known here.
      return undefined;
    }
  }

  /** The key set of an instance serving it now, kept (with its cache) while that instance serves it. */
  private keySet(): RemoteKeySet {
    const served = this.directory.routeFor('GET', JWKS_PATH)?.candidates.find((upstream) => upstream.accepting);
    const url = `${served?.url ?? this.settings.publicUrl}${JWKS_PATH}`;
    if (this.current?.url !== url) {
      this.current = { url, keySet: createRemoteJWKSet(new URL(url), { timeoutDuration: this.settings.tryTimeoutMs }) };
    }
    return this.current.keySet;
  }
}
