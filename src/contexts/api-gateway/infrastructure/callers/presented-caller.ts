import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { apiKeyDigest, presentedCredential } from '@contexts/user-management';
import type { Caller } from '../../domain/rate-limits/rate-limit-subjects.js';
import { AccessTokenReader } from './access-token-reader.js';

// A compact JWS has dot-separated parts; an API key (`mlk_` and base64url) has no dot.
const looksLikeToken = (credential: string): boolean => credential.includes('.');

/**
 * Who calls, from the request alone, before it is forwarded (ADR 0701): an access token's user once
 * the token is verified, or an API key by its hash, unchecked (keys are checked by the instance
 * serving the route). No credential, two conflicting ones, or a token that fails verification: nobody, and the
 * request is not counted (the instance answers 401 where the route needs a caller).
 */
@Injectable()
export class PresentedCaller {
  constructor(private readonly tokens: AccessTokenReader) {}

  async of(headers: IncomingHttpHeaders): Promise<Caller | undefined> {
    const credential = presentedCredential({ headers });
    if (typeof credential !== 'string') return undefined;
    if (!looksLikeToken(credential)) return { kind: 'api-key', apiKeyId: apiKeyDigest(credential), unchecked: true };
    const userId = await this.tokens.userOf(credential);
    return userId === undefined ? undefined : { kind: 'user', userId };
  }
}
