import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { decideAccess } from '../../domain/access/access-decision.js';
import { ApiKeyRepository } from '../../domain/api-keys/api-key.repository.js';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { RevokeApiKeyCommand } from './revoke-api-key.command.js';

/** Its owner, an admin or the project's admins may revoke a key; to anyone else it does not exist. */
@Injectable()
export class RevokeApiKeyHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly memberships: MembershipLookup,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ actorId, actorIsAdmin, keyId, ip }: RevokeApiKeyCommand): Promise<void> {
    const key = await this.keys.findById(keyId);
    if (!key) throw new NotFoundError('API key', keyId);
    const { ownerId, projectId } = key.snapshot;
    if (ownerId !== actorId) {
      const role = await this.memberships.roleOf(actorId, projectId);
      if (decideAccess({ isAdmin: actorIsAdmin }, role, projectId, 'project:admin') !== 'allowed')
        throw new NotFoundError('API key', keyId);
    }
    key.revoke(new Date());
    await this.transaction.run(async () => {
      await this.keys.save(key);
      await this.audit.record({ action: 'api-key.revoked', actorId, subjectId: keyId, projectId, ip });
      await this.events.publish(
        'user-management.api-key.revoked.v1',
        { apiKeyId: keyId, ownerId, projectId },
        { aggregateId: keyId },
      );
    });
  }
}
