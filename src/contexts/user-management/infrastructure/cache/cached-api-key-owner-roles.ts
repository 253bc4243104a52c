import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ApiKeyOwnerRoles } from '../../application/ports/api-key-owner-roles.js';
import type { ProjectRole } from '../../domain/access/permission.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import { ACCESS_CONFIG, type AccessConfig } from '../config/user-management-config.js';

// One entry per (key owner, project) in use; past it the least recently used are read again.
const MAX_ENTRIES = 10_000;
const NO_ROLE = 'none';

/**
 * The memberships of API key owners, kept `AUTH_API_KEY_CACHE_TTL_MS` (docs/adr/0506), so a
 * scoring client's requests read no membership row: a removed member's keys stop within the TTL.
 */
@Injectable()
export class CachedApiKeyOwnerRoles extends ApiKeyOwnerRoles {
  private readonly roles?: LRUCache<string, ProjectRole | typeof NO_ROLE>;

  constructor(
    private readonly memberships: MembershipLookup,
    @Inject(ACCESS_CONFIG) config: AccessConfig,
  ) {
    super();
    if (config.apiKeyCacheTtlMs > 0) this.roles = new LRUCache({ max: MAX_ENTRIES, ttl: config.apiKeyCacheTtlMs });
  }

  async roleOf(ownerId: string, projectId: string): Promise<ProjectRole | undefined> {
    const key = `${ownerId}\u0000${projectId}`;
    const known = this.roles?.get(key);
    if (known !== undefined) return known === NO_ROLE ? undefined : known;
    const role = await this.memberships.roleOf(ownerId, projectId);
    this.roles?.set(key, role ?? NO_ROLE);
    return role;
  }
}
