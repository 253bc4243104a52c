import type { ProjectRole } from '../../domain/access/permission.js';

/**
 * Port: the role an API key's owner holds in the key's project, for authorising the key's
 * requests. The adapter may answer what it read up to `AUTH_API_KEY_CACHE_TTL_MS` ago (as for the
 * key itself, docs/adr/0506); a user's own requests read their membership fresh.
 */
export abstract class ApiKeyOwnerRoles {
  abstract roleOf(ownerId: string, projectId: string): Promise<ProjectRole | undefined>;
}
