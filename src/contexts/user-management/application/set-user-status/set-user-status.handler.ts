import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import { SessionTermination } from '../revoke-sessions/session-termination.js';

/** An admin disables an account (every session ends at once) or enables it again. */
@Injectable()
export class SetUserStatusHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly termination: SessionTermination,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async disable(actorId: string, userId: string, ip: string): Promise<User> {
    if (actorId === userId) throw new ForbiddenError('Admins cannot disable themselves', 'self-disable-forbidden');
    const user = await this.load(userId);
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

  async enable(actorId: string, userId: string, ip: string): Promise<User> {
    const user = await this.load(userId);
    user.enable();
    await this.transaction.run(async () => {
      await this.users.save(user);
      await this.audit.record({ action: 'user.enabled', actorId, subjectId: userId, ip });
      await this.events.publish('user-management.user.enabled.v1', { userId }, { aggregateId: userId });
    });
    return user;
  }

  private async load(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    return user;
  }
}
