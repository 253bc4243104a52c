import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { EmailTaken, SelfSignUpClosed } from '../../domain/errors.js';
import { CommonPasswords } from '../../domain/users/common-passwords.js';
import { Email } from '../../domain/users/email.js';
import { PasswordHasher } from '../../domain/users/password-hasher.js';
import { PasswordPolicy } from '../../domain/users/password-policy.js';
import { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import { AuthSettings } from '../ports/auth-settings.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { RegisterUserCommand } from '../register-user/register-user.command.js';

/**
 * Registers a person: self sign-up (when switched on), an admin's invitation, or the first-admin
 * bootstrap, which alone may register an admin and may do so with sign-up closed.
 */
@Injectable()
export class UserRegistration {
  private readonly policy: PasswordPolicy;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    commonPasswords: CommonPasswords,
    private readonly settings: AuthSettings,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {
    this.policy = new PasswordPolicy(commonPasswords);
  }

  async register(command: RegisterUserCommand): Promise<User> {
    if (command.invitedBy === null && !command.bootstrap && !this.settings.selfSignUp) throw new SelfSignUpClosed();
    const email = Email.of(command.email);
    this.policy.check(command.password);
    if (await this.users.findByEmail(email)) throw new EmailTaken();
    const user = User.register({
      email,
      displayName: command.displayName,
      passwordHash: await this.hasher.hash(command.password),
      isAdmin: command.bootstrap === true && command.isAdmin === true,
    });
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({
        action: 'user.registered',
        actorId: command.invitedBy ?? user.id,
        subjectId: user.id,
        ip: command.ip,
        details: { admin: user.isAdmin },
      });
      await this.events.publish(
        'user-management.user.registered.v1',
        { userId: user.id, kind: user.kind, displayName: user.displayName, invitedBy: command.invitedBy },
        { aggregateId: user.id },
      );
    });
    return user;
  }
}
