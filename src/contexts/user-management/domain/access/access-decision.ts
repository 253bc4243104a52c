import { roleGrants, type Permission, type ProjectRole } from './permission.js';

/** Who is asking, as far as permissions are concerned. */
export interface Requester {
  readonly isAdmin: boolean;
  /** Set for API keys: the one project and the permissions the key was given. */
  readonly scope?: { readonly projectId: string; readonly permissions: readonly Permission[] };
}

/**
 * `hidden` means the requester may not even learn that the project exists (answered as 404,
 * OWASP API1:2023); `denied` means they can see it but not do this (403).
 */
export type AccessDecision = 'allowed' | 'denied' | 'hidden';

/**
 * Decides one permission in one project. `role` is the requester's current membership there,
 * read fresh on each request so membership changes apply at once. An API key never exceeds
 * its owner: it needs both its own scope and the owner's role (or admin).
 */
export function decideAccess(
  requester: Requester,
  role: ProjectRole | undefined,
  projectId: string,
  permission: Permission,
): AccessDecision {
  const scope = requester.scope;
  if (scope && scope.projectId !== projectId) return 'hidden';
  if (!requester.isAdmin && role === undefined) return 'hidden';
  const ownerMay = requester.isAdmin || (role !== undefined && roleGrants(role, permission));
  const keyMay = !scope || scope.permissions.includes(permission);
  return ownerMay && keyMay ? 'allowed' : 'denied';
}
