import { PERMISSIONS, PROJECT_ROLES, type PermissionName, type ProjectRoleName } from '../../contracts/permissions.js';

/**
 * What each project role grants, over the permission catalogue published in
 * contracts/permissions.ts (the single list; the domain reads it rather than keeping a copy).
 * `Permission` and `ProjectRole` are the domain's names for the catalogue's types.
 */
export { PERMISSIONS, PROJECT_ROLES };
export type Permission = PermissionName;
export type ProjectRole = ProjectRoleName;

const READ: readonly Permission[] = PERMISSIONS.filter((permission) => permission.endsWith(':read'));
const EDIT: readonly Permission[] = [
  ...READ,
  'workflow:write',
  'workflow:run',
  'dataset:write',
  'pipeline:run',
  'model:write',
  'deployment:write',
  'prediction:invoke',
  'monitoring:write',
  'webhook:write',
];

// Approvals and project administration stay with owners: an editor cannot approve their own work.
const GRANTS: Record<ProjectRole, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  editor: new Set(EDIT),
  owner: new Set(PERMISSIONS),
};

export function roleGrants(role: ProjectRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: ProjectRole): Permission[] {
  return [...GRANTS[role]];
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isProjectRole(value: string): value is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(value);
}
