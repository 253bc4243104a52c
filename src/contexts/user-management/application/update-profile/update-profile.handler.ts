import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { UpdateProfileCommand } from './update-profile.command.js';

/** Changes what others see of the caller: their display name. */
@Injectable()
export class UpdateProfileHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ userId, displayName, ip }: UpdateProfileCommand): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    user.rename(displayName);
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({ action: 'user.updated', actorId: userId, subjectId: userId, ip });
      await this.events.publish(
        'user-management.user.updated.v1',
        { userId, displayName: user.displayName },
        { aggregateId: userId },
      );
    });
    return user;
  }
}
