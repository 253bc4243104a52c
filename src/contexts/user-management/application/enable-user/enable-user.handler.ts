import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { EnableUserCommand } from './enable-user.command.js';

/** An admin enables a disabled account again. */
@Injectable()
export class EnableUserHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ actorId, userId, ip }: EnableUserCommand): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    user.enable();
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({ action: 'user.enabled', actorId, subjectId: userId, ip });
      await this.events.publish('user-management.user.enabled.v1', { userId }, { aggregateId: userId });
    });
    return user;
  }
}
