import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { CommonPasswords } from '../../domain/users/common-passwords.js';
import { PasswordHasher } from '../../domain/users/password-hasher.js';
import { PasswordPolicy } from '../../domain/users/password-policy.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import { SessionTermination } from '../services/session-termination.js';
import type { ChangePasswordCommand } from './change-password.command.js';
import { CurrentPassword } from '../services/current-password.js';

/** A new password, given the current one; every other session of the user ends. */
@Injectable()
export class ChangePasswordHandler {
  private readonly policy: PasswordPolicy;

  constructor(
    private readonly currentPassword: CurrentPassword,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    commonPasswords: CommonPasswords,
    private readonly termination: SessionTermination,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {
    this.policy = new PasswordPolicy(commonPasswords);
  }

  async execute(command: ChangePasswordCommand): Promise<void> {
    const user = await this.currentPassword.confirm(command.userId, command.currentPassword);
    this.policy.check(command.newPassword);
    user.changePassword(await this.hasher.hash(command.newPassword));
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({
        action: 'user.password-changed',
        actorId: user.id,
        subjectId: user.id,
        ip: command.ip,
      });
    });
    const by = { actorId: user.id, ip: command.ip };
    const ended = await this.termination.endAll(user.id, 'password-changed', by, command.sessionId);
    await this.transaction.run(() =>
      this.events.publish(
        'user-management.user.password-changed.v1',
        { userId: user.id, sessionsEnded: ended },
        { aggregateId: user.id },
      ),
    );
  }
}
