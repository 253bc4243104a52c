import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { RefreshTokenReused, Unauthenticated } from '../../domain/errors.js';
import type { RefreshTokenFamily } from '../../domain/sessions/refresh-token-family.js';
import { RefreshTokenFamilyRepository } from '../../domain/sessions/refresh-token-family.repository.js';
import { isIdle, SessionStore } from '../../domain/sessions/session.js';
import { SessionLimits } from '../ports/session-limits.js';
import type { SessionTokens } from '../services/session-tokens.js';
import { AccessTokenIssuer } from '../ports/access-tokens.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { SecretTokens } from '../ports/secret-tokens.js';
import { Transaction } from '../ports/transaction.js';
import type { RefreshSessionCommand } from './refresh-session.command.js';

/**
 * Rotates a refresh token (ASVS 10.4.5): the presented token is spent, a new one is issued,
 * and a token presented twice revokes its family and ends the session.
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    private readonly families: RefreshTokenFamilyRepository,
    private readonly sessions: SessionStore,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly secrets: SecretTokens,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
    private readonly limits: SessionLimits,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionTokens> {
    if (this.secrets.kindOf(command.refreshToken) !== 'refresh-token')
      throw new Unauthenticated('Invalid refresh token');
    const presentedHash = this.secrets.digest(command.refreshToken);
    const next = this.secrets.generate('refresh-token');
    const family = await this.rotate(presentedHash, next.hash, command.ip);
    const now = new Date();
    // A refresh is a use of the session: it keeps an active client's session from going idle.
    const session = await this.sessions.touch(family.userId, family.id, now);
    if (!session || isIdle(session, now, this.limits.idleMs)) {
      // The session was ended (logout elsewhere, disable, password change) or unused too long: its family goes too.
      await this.sessions.revoke(family.userId, family.id);
      await this.families.revoke(family.userId, family.id, 'revoked', now);
      throw new Unauthenticated(session ? 'This session has ended after a time unused' : 'This session has ended');
    }
    const access = await this.accessTokens.issue({ userId: family.userId, sessionId: family.id });
    return {
      accessToken: access.token,
      refreshToken: next.secret,
      expiresIn: access.expiresInSeconds,
      sessionId: family.id,
    };
  }

  /** Two attempts: losing a race to a concurrent rotation means the token was used twice. */
  private async rotate(presentedHash: string, nextHash: string, ip: string): Promise<RefreshTokenFamily> {
    for (let attempt = 1; ; attempt += 1) {
      const family = await this.families.findByTokenHash(presentedHash);
      if (!family) throw new Unauthenticated('Invalid refresh token');
      try {
        family.rotate(presentedHash, nextHash, new Date());
        await this.families.save(family);
        return family;
      } catch (error) {
        if (error instanceof ConcurrencyError && attempt < 2) continue;
        if (error instanceof RefreshTokenReused) await this.reportReuse(family, ip);
        throw error;
      }
    }
  }

  private async reportReuse(family: RefreshTokenFamily, ip: string): Promise<void> {
    await this.transaction.run(async () => {
      await this.families.revoke(family.userId, family.id, 'reuse', new Date());
      await this.audit.record({
        action: 'refresh-token.reused',
        actorId: null,
        subjectId: family.userId,
        ip,
        details: { sessionId: family.id },
      });
      await this.events.publish(
        'user-management.refresh-token.reused.v1',
        { userId: family.userId, sessionId: family.id, ip },
        { aggregateId: family.userId },
      );
      await this.events.publish(
        'user-management.session.revoked.v1',
        { userId: family.userId, sessionIds: [family.id], reason: 'reuse' },
        { aggregateId: family.userId },
      );
    });
    await this.sessions.revoke(family.userId, family.id);
  }
}
