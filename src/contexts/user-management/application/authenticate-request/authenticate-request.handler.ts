import { Injectable } from '@nestjs/common';
import type { Principal } from '../../contracts/principal.js';
import { ApiKeyRepository } from '../../domain/api-keys/api-key.repository.js';
import { Unauthenticated } from '../../domain/errors.js';
import { isIdle, SessionStore } from '../../domain/sessions/session.js';
import { SessionLimits } from '../ports/session-limits.js';
import { AccessTokenVerifier } from '../ports/access-tokens.js';
import { SecretTokens } from '../ports/secret-tokens.js';
import type { AuthenticateRequestQuery } from './authenticate-request.query.js';

/**
 * Turns the credential of a request into a Principal. An access token must be validly signed
 * and its session still live in Redis; an API key is one SHA-256 and one indexed lookup, never
 * a bcrypt compare.
 */
@Injectable()
export class AuthenticateRequestHandler {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly sessions: SessionStore,
    private readonly keys: ApiKeyRepository,
    private readonly secrets: SecretTokens,
    private readonly limits: SessionLimits,
  ) {}

  async execute({ credential }: AuthenticateRequestQuery): Promise<Principal> {
    return this.secrets.kindOf(credential) === 'api-key' ? this.byApiKey(credential) : this.byAccessToken(credential);
  }

  private async byAccessToken(token: string): Promise<Principal> {
    const claims = await this.verifier.verify(token);
    const now = new Date();
    const session = await this.sessions.touch(claims.userId, claims.sessionId, now);
    if (!session) throw new Unauthenticated('This session has ended');
    if (isIdle(session, now, this.limits.idleMs)) {
      await this.sessions.revoke(claims.userId, claims.sessionId);
      throw new Unauthenticated('This session has ended after a time unused');
    }
    return { kind: 'user', userId: claims.userId, isAdmin: session.isAdmin, sessionId: claims.sessionId };
  }

  private async byApiKey(secret: string): Promise<Principal> {
    const now = new Date();
    const found = await this.keys.findBySecretHash(this.secrets.digest(secret));
    if (!found || !found.ownerActive || !found.key.isUsable(now)) throw new Unauthenticated('Invalid API key');
    const key = found.key.snapshot;
    void this.keys.noteUse(key.id, now).catch(() => undefined);
    return {
      kind: 'api-key',
      userId: key.ownerId,
      isAdmin: found.ownerIsAdmin,
      apiKey: { id: key.id, projectId: key.projectId, permissions: key.permissions },
    };
  }
}
