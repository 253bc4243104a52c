import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { RefreshTokenFamilyRepository } from '../../domain/sessions/refresh-token-family.repository.js';
import { SessionStore } from '../../domain/sessions/session.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';

export type EndReason = UserManagementEvents['user-management.session.revoked.v1']['reason'];

export interface EndedBy {
  readonly actorId: string | null;
  readonly ip: string | null;
}

/**
 * Ends sessions everywhere they live: the Redis session first (every later request with its
 * access token is refused at once), then the refresh token families, audited and published.
 */
@Injectable()
export class SessionTermination {
  constructor(
    private readonly sessions: SessionStore,
    private readonly families: RefreshTokenFamilyRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  /** Returns whether the session was live. */
  async endOne(userId: string, sessionId: string, reason: EndReason, by: EndedBy): Promise<boolean> {
    const existed = await this.sessions.revoke(userId, sessionId);
    await this.transaction.run(async () => {
      await this.families.revoke(userId, sessionId, reason === 'logout' ? 'logout' : 'revoked', new Date());
      if (existed) await this.record(userId, [sessionId], reason, by);
    });
    return existed;
  }

  /** Ends every session of the user but `except`; returns how many were live. */
  async endAll(userId: string, reason: EndReason, by: EndedBy, except?: string): Promise<number> {
    const ended = await this.sessions.revokeAll(userId, except);
    const familyReason = reason === 'password-changed' || reason === 'disabled' ? reason : 'revoked';
    await this.transaction.run(async () => {
      const families = await this.families.revokeAllOf(userId, familyReason, new Date(), except);
      const all = [...new Set([...ended, ...families])];
      if (all.length > 0) await this.record(userId, all, reason, by);
    });
    return ended.length;
  }

  private async record(userId: string, sessionIds: string[], reason: EndReason, by: EndedBy): Promise<void> {
    await this.audit.record({
      action: 'session.revoked',
      actorId: by.actorId,
      subjectId: userId,
      ip: by.ip,
      details: { reason, sessions: sessionIds.length },
    });
    await this.events.publish(
      'user-management.session.revoked.v1',
      { userId, sessionIds, reason },
      { aggregateId: userId },
    );
  }
}
