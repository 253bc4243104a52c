import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import { SessionTermination } from '../services/session-termination.js';
import type { DisableUserCommand } from './disable-user.command.js';

/** An admin disables an account; every session of it ends at once. */
@Injectable()
export class DisableUserHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly termination: SessionTermination,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ actorId, userId, ip }: DisableUserCommand): Promise<User> {
    if (actorId === userId) throw new ForbiddenError('Admins cannot disable themselves', 'self-disable-forbidden');
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    user.disable();
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({ action: 'user.disabled', actorId, subjectId: userId, ip });
    });
    const ended = await this.termination.endAll(userId, 'disabled', { actorId, ip });
    await this.transaction.run(() =>
      this.events.publish(
        'user-management.user.disabled.v1',
        { userId, sessionsEnded: ended },
        { aggregateId: userId },
      ),
    );
    return user;
  }
}
