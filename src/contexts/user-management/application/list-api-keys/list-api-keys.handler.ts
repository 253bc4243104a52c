import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { decideAccess } from '../../domain/access/access-decision.js';
import type { ApiKey } from '../../domain/api-keys/api-key.js';
import { ApiKeyRepository } from '../../domain/api-keys/api-key.repository.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { ListApiKeysQuery } from './list-api-keys.query.js';

/**
 * The caller's own keys, or a service account's keys in the projects the caller administers
 * (all of them for an admin): the people who may issue those keys may see them. Never their
 * secrets or hashes: the mapper allow-lists fields.
 */
@Injectable()
export class ListApiKeysHandler {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly memberships: MembershipLookup,
  ) {}

  async execute(query: ListApiKeysQuery): Promise<ApiKey[]> {
    if (!query.serviceAccountId) return this.keys.listOwnedBy([query.actorId]);
    const account = await this.users.findById(query.serviceAccountId);
    if (account?.kind !== 'service') throw new NotFoundError('Service account', query.serviceAccountId);
    const keys = await this.keys.listOwnedBy([query.serviceAccountId]);
    const visible: ApiKey[] = [];
    for (const key of keys) if (await this.administers(query, key.snapshot.projectId)) visible.push(key);
    return visible;
  }

  private async administers(query: ListApiKeysQuery, projectId: string): Promise<boolean> {
    const role = await this.memberships.roleOf(query.actorId, projectId);
    return decideAccess({ isAdmin: query.actorIsAdmin }, role, projectId, 'project:admin') === 'allowed';
  }
}
