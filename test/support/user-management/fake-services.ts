import type {
  UserManagementEvents,
  UserManagementEventType,
} from '../../../src/contexts/user-management/contracts/events.js';
import type {
  AccessTokenClaims,
  IssuedAccessToken,
} from '../../../src/contexts/user-management/application/ports/access-tokens.js';
import {
  AccessTokenIssuer,
  AccessTokenVerifier,
} from '../../../src/contexts/user-management/application/ports/access-tokens.js';
import { EventPublisher, type EventSubject } from '@libs/messaging';
import { AuthSettings } from '../../../src/contexts/user-management/application/ports/auth-settings.js';
import {
  SecretTokens,
  type GeneratedSecret,
  type SecretKind,
} from '../../../src/contexts/user-management/application/ports/secret-tokens.js';
import { SessionLimits } from '../../../src/contexts/user-management/application/ports/session-limits.js';
import { Transaction } from '../../../src/contexts/user-management/application/ports/transaction.js';
import {
  AuditLog,
  type AuditEntry,
  type RecordedAuditEntry,
} from '../../../src/contexts/user-management/domain/audit/audit-entry.js';
import { Unauthenticated } from '../../../src/contexts/user-management/domain/errors.js';
import {
  LoginAttempts,
  type LoginAttemptKeys,
} from '../../../src/contexts/user-management/domain/sessions/login-attempts.js';
import { SessionStore, type Session } from '../../../src/contexts/user-management/domain/sessions/session.js';
import { CommonPasswords } from '../../../src/contexts/user-management/domain/users/common-passwords.js';
import { PasswordHasher } from '../../../src/contexts/user-management/domain/users/password-hasher.js';

/** "hash(pw)" hashes pw; every compare is recorded, so a spec can count bcrypt work. */
export class FakePasswordHasher extends PasswordHasher {
  readonly compares: string[] = [];
  hash(password: string): Promise<string> {
    return Promise.resolve(`hash(${password})`);
  }
  verify(password: string, hash: string): Promise<boolean> {
    this.compares.push(hash);
    return Promise.resolve(hash === `hash(${password})`);
  }
  decoyHash(): Promise<string> {
    return Promise.resolve('decoy-hash');
  }
}

export class FakeLoginAttempts extends LoginAttempts {
  lockedFor = 0;
  readonly admitted: LoginAttemptKeys[] = [];
  readonly succeeded: LoginAttemptKeys[] = [];
  admit(keys: LoginAttemptKeys): Promise<number> {
    this.admitted.push(keys);
    return Promise.resolve(this.lockedFor);
  }
  recordSuccess(keys: LoginAttemptKeys): Promise<void> {
    this.succeeded.push(keys);
    return Promise.resolve();
  }
}

export class FakeSessionStore extends SessionStore {
  readonly live = new Map<string, Session>();
  readonly revoked: string[] = [];
  add(session: Session): this {
    this.live.set(session.id, session);
    return this;
  }
  create(session: Session): Promise<void> {
    this.add(session);
    return Promise.resolve();
  }
  touch(userId: string, sessionId: string): Promise<Session | undefined> {
    return this.find(userId, sessionId);
  }
  find(userId: string, sessionId: string): Promise<Session | undefined> {
    const session = this.live.get(sessionId);
    return Promise.resolve(session?.userId === userId ? session : undefined);
  }
  listOf(userId: string): Promise<Session[]> {
    return Promise.resolve([...this.live.values()].filter((session) => session.userId === userId));
  }
  revoke(userId: string, sessionId: string): Promise<boolean> {
    this.revoked.push(sessionId);
    const existed = this.live.get(sessionId)?.userId === userId;
    if (existed) this.live.delete(sessionId);
    return Promise.resolve(existed);
  }
  async revokeAll(userId: string, except?: string): Promise<string[]> {
    const ids = (await this.listOf(userId)).map((session) => session.id).filter((id) => id !== except);
    for (const id of ids) await this.revoke(userId, id);
    return ids;
  }
}

/** Tokens are "access:<user>:<session>"; the verifier accepts exactly those. */
export class FakeAccessTokens extends AccessTokenIssuer {
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    return Promise.resolve({ token: `access:${claims.userId}:${claims.sessionId}`, expiresInSeconds: 900 });
  }
}

export class FakeAccessTokenVerifier extends AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims> {
    const [scheme, userId, sessionId] = token.split(':');
    if (scheme !== 'access' || !userId || !sessionId) return Promise.reject(new Unauthenticated('Invalid token'));
    return Promise.resolve({ userId, sessionId });
  }
}

const PREFIXES: Record<SecretKind, string> = { 'refresh-token': 'rt_', 'api-key': 'key_' };

/** Secrets count up ("rt_1", "key_2"); a digest is "digest(<secret>)". */
export class FakeSecretTokens extends SecretTokens {
  private issued = 0;
  generate(kind: SecretKind): GeneratedSecret {
    this.issued += 1;
    const secret = `${PREFIXES[kind]}${this.issued}`;
    return { secret, hash: this.digest(secret), prefix: secret.slice(0, 4) };
  }
  digest(secret: string): string {
    return `digest(${secret})`;
  }
  kindOf(secret: string): SecretKind | undefined {
    return (Object.keys(PREFIXES) as SecretKind[]).find((kind) => secret.startsWith(PREFIXES[kind]));
  }
}

export class FakeAuthSettings extends AuthSettings {
  selfSignUp = true;
  sessionLifetimeMs = 24 * 3600_000;
}

export class FakeSessionLimits extends SessionLimits {
  idleMs = 3600_000;
}

/** Runs the work and counts the transactions, so a spec can tell what was written together. */
export class FakeTransaction extends Transaction {
  runs = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    return work();
  }
}

export class FakeAuditLog extends AuditLog {
  readonly entries: AuditEntry[] = [];
  record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    return Promise.resolve();
  }
  list(filter: { action?: AuditEntry['action']; subjectId?: string }, limit: number) {
    const items: RecordedAuditEntry[] = this.entries
      .filter(
        (entry) =>
          (!filter.action || entry.action === filter.action) &&
          (!filter.subjectId || entry.subjectId === filter.subjectId),
      )
      .slice(0, limit)
      .map((entry, index) => ({ ...entry, id: String(index), occurredAt: new Date(0) }));
    return Promise.resolve({ items, nextCursor: null });
  }
}

export interface PublishedEvent {
  readonly type: UserManagementEventType;
  readonly payload: unknown;
  readonly aggregateId: string;
}

export class FakeEventPublisher extends EventPublisher<UserManagementEvents> {
  readonly published: PublishedEvent[] = [];
  publish<TType extends UserManagementEventType>(
    type: TType,
    payload: UserManagementEvents[TType],
    { aggregateId }: EventSubject,
  ): Promise<void> {
    this.published.push({ type, payload, aggregateId });
    return Promise.resolve();
  }
  types(): UserManagementEventType[] {
    return this.published.map((event) => event.type);
  }
}

export class FakeCommonPasswords extends CommonPasswords {
  readonly listed = new Set(['password123']);
  includes(password: string): boolean {
    return this.listed.has(password);
  }
}
