import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { CreateServiceAccountCommand } from './create-service-account.command.js';

/** An admin creates a non-human account that only ever authenticates with API keys. */
@Injectable()
export class CreateServiceAccountHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ actorId, displayName, ip }: CreateServiceAccountCommand): Promise<User> {
    const account = User.serviceAccount(displayName);
    await this.transaction.run(async () => {
      await this.users.save(account);
      await this.audit.record({
        action: 'user.registered',
        actorId,
        subjectId: account.id,
        ip,
        details: { kind: 'service' },
      });
      await this.events.publish(
        'user-management.user.registered.v1',
        { userId: account.id, kind: 'service', displayName: account.displayName, invitedBy: actorId },
        { aggregateId: account.id },
      );
    });
    return account;
  }
}
