import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { EmailTaken } from '../../domain/errors.js';
import { Email } from '../../domain/users/email.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import { CurrentPassword } from '../services/current-password.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { ChangeEmailCommand } from './change-email.command.js';

/** A new sign-in address, given the current password. */
@Injectable()
export class ChangeEmailHandler {
  constructor(
    private readonly currentPassword: CurrentPassword,
    private readonly users: UserRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute(command: ChangeEmailCommand): Promise<void> {
    const user = await this.currentPassword.confirm(command.userId, command.currentPassword);
    const email = Email.of(command.newEmail);
    if (user.email?.equals(email)) return;
    const holder = await this.users.findByEmail(email);
    if (holder) throw new EmailTaken();
    user.changeEmail(email);
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({ action: 'user.email-changed', actorId: user.id, subjectId: user.id, ip: command.ip });
      await this.events.publish('user-management.user.email-changed.v1', { userId: user.id }, { aggregateId: user.id });
    });
  }
}
