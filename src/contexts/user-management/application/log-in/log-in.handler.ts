import { Injectable } from '@nestjs/common';
import { newId, ValidationError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { InvalidCredentials, LoginThrottled } from '../../domain/errors.js';
import { LoginAttempts, type LoginAttemptKeys } from '../../domain/sessions/login-attempts.js';
import { RefreshTokenFamily } from '../../domain/sessions/refresh-token-family.js';
import { RefreshTokenFamilyRepository } from '../../domain/sessions/refresh-token-family.repository.js';
import { SessionStore } from '../../domain/sessions/session.js';
import { Email } from '../../domain/users/email.js';
import { PasswordHasher } from '../../domain/users/password-hasher.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import { AccessTokenIssuer } from '../ports/access-tokens.js';
import { AuthSettings } from '../ports/auth-settings.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { SecretTokens } from '../ports/secret-tokens.js';
import { Transaction } from '../ports/transaction.js';
import type { LogInCommand } from './log-in.command.js';
import type { SessionTokens } from '../services/session-tokens.js';

/** Email + password to a session, an access token and the first refresh token of a family. */
@Injectable()
export class LogInHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly families: RefreshTokenFamilyRepository,
    private readonly sessions: SessionStore,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly secrets: SecretTokens,
    private readonly settings: AuthSettings,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute(command: LogInCommand): Promise<SessionTokens> {
    const email = this.parseEmail(command.email);
    const keys: LoginAttemptKeys = { account: this.secrets.digest(email?.value ?? command.email), ip: command.ip };
    const lockedFor = await this.attempts.admit(keys);
    if (lockedFor > 0) {
      await this.recordFailure(null, command.ip, 'throttled');
      throw new LoginThrottled(lockedFor);
    }
    const user = email ? await this.users.findByEmail(email) : undefined;
    // Always one bcrypt compare, against a decoy for unknown accounts, so timing tells nothing.
    const passwordMatches = await this.hasher.verify(
      command.password,
      user?.passwordHash ?? (await this.hasher.decoyHash()),
    );
    if (!user || !passwordMatches || !user.canLogIn) {
      await this.recordFailure(user?.id ?? null, command.ip, 'invalid-credentials');
      throw new InvalidCredentials();
    }
    await this.attempts.recordSuccess(keys);
    return this.openSession(user, command);
  }

  private async openSession(user: User, command: LogInCommand): Promise<SessionTokens> {
    const now = new Date();
    const sessionId = newId();
    const refresh = this.secrets.generate('refresh-token');
    const family = RefreshTokenFamily.start({
      sessionId,
      userId: user.id,
      tokenHash: refresh.hash,
      now,
      lifetimeMs: this.settings.sessionLifetimeMs,
    });
    await this.transaction.run(async () => {
      await this.families.save(family);
      await this.audit.record({ action: 'login.succeeded', actorId: user.id, subjectId: user.id, ip: command.ip });
      await this.events.publish(
        'user-management.login.succeeded.v1',
        { userId: user.id, sessionId, ip: command.ip },
        { aggregateId: user.id },
      );
    });
    await this.sessions.create({
      id: sessionId,
      userId: user.id,
      isAdmin: user.isAdmin,
      device: command.device.slice(0, 200),
      ip: command.ip,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: family.expiresAt,
    });
    const access = await this.accessTokens.issue({ userId: user.id, sessionId });
    return { accessToken: access.token, refreshToken: refresh.secret, expiresIn: access.expiresInSeconds, sessionId };
  }

  private parseEmail(raw: string): Email | undefined {
    try {
      return Email.of(raw);
    } catch (error) {
      if (error instanceof ValidationError) return undefined;
      throw error;
    }
  }

  private recordFailure(userId: string | null, ip: string, reason: 'invalid-credentials' | 'throttled'): Promise<void> {
    return this.transaction.run(async () => {
      await this.audit.record({
        action: reason === 'throttled' ? 'login.throttled' : 'login.failed',
        actorId: null,
        subjectId: userId,
        ip,
      });
      await this.events.publish(
        'user-management.login.failed.v1',
        { userId, ip, reason },
        { aggregateId: userId ?? ip },
      );
    });
  }
}
