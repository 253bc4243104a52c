import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { decideAccess } from '../../domain/access/access-decision.js';
import type { Permission } from '../../domain/access/permission.js';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { ApiKeyRepository } from '../../domain/api-keys/api-key.repository.js';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { SecretTokens } from '../ports/secret-tokens.js';
import { Transaction } from '../ports/transaction.js';
import type { CreateApiKeyCommand, CreatedApiKey } from './create-api-key.command.js';

/**
 * Issues a key limited to one project and to permissions its owner holds there now; at each
 * use the owner's current role bounds it again, so a key never outgrows its owner.
 */
@Injectable()
export class CreateApiKeyHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipLookup,
    private readonly secrets: SecretTokens,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute(command: CreateApiKeyCommand): Promise<CreatedApiKey> {
    const ownerId = command.serviceAccountId ?? command.actorId;
    if (command.serviceAccountId) await this.requireServiceAccountAdmin(command);
    const owner = await this.users.findById(ownerId);
    if (!owner?.isActive) throw new NotFoundError('User', ownerId);
    await this.requireHeldByOwner(ownerId, owner.isAdmin, command.projectId, command.permissions);
    const generated = this.secrets.generate('api-key');
    const key = ApiKey.issue({
      ownerId,
      projectId: command.projectId,
      name: command.name,
      permissions: command.permissions,
      secretHash: generated.hash,
      prefix: generated.prefix,
      createdBy: command.actorId,
      expiresAt: command.expiresAt,
      now: new Date(),
    });
    const snapshot = key.snapshot;
    await this.transaction.run(async () => {
      await this.keys.save(key);
      await this.audit.record({
        action: 'api-key.created',
        actorId: command.actorId,
        subjectId: key.id,
        projectId: snapshot.projectId,
        ip: command.ip,
        details: { ownerId, permissions: snapshot.permissions.join(' ') },
      });
      await this.events.publish(
        'user-management.api-key.created.v1',
        {
          apiKeyId: key.id,
          ownerId,
          projectId: snapshot.projectId,
          permissions: [...snapshot.permissions],
          expiresAt: snapshot.expiresAt?.toISOString() ?? null,
        },
        { aggregateId: key.id },
      );
    });
    return { key, secret: generated.secret };
  }

  private async requireServiceAccountAdmin(command: CreateApiKeyCommand): Promise<void> {
    const account = await this.users.findById(command.serviceAccountId!);
    if (account?.kind !== 'service') throw new NotFoundError('Service account', command.serviceAccountId!);
    const role = await this.memberships.roleOf(command.actorId, command.projectId);
    const decision = decideAccess({ isAdmin: command.actorIsAdmin }, role, command.projectId, 'project:admin');
    if (decision === 'hidden') throw new NotFoundError('Project', command.projectId);
    if (decision === 'denied') throw new ForbiddenError('Needs project:admin to issue keys for a service account');
  }

  private async requireHeldByOwner(
    ownerId: string,
    ownerIsAdmin: boolean,
    projectId: string,
    permissions: readonly Permission[],
  ): Promise<void> {
    if (!(await this.memberships.projectExists(projectId))) throw new NotFoundError('Project', projectId);
    const role = await this.memberships.roleOf(ownerId, projectId);
    for (const permission of permissions) {
      const decision = decideAccess({ isAdmin: ownerIsAdmin }, role, projectId, permission);
      if (decision === 'hidden') throw new NotFoundError('Project', projectId);
      if (decision === 'denied')
        throw new ForbiddenError(`The key's owner does not hold ${permission} in this project`);
    }
  }
}
