/**
 * The permission catalogue and what each project role grants. The same names are published
 * in contracts/permissions.ts for other contexts (a spec keeps the two lists equal), because
 * the domain may not import the contracts and the contracts may not import the domain.
 */
export const PERMISSIONS = [
  'project:read',
  'project:admin',
  'workflow:read',
  'workflow:write',
  'workflow:run',
  'workflow:approve',
  'dataset:read',
  'dataset:write',
  'model:read',
  'model:write',
  'model:approve',
  'deployment:read',
  'deployment:write',
  'prediction:invoke',
  'monitoring:read',
  'monitoring:write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

const READ: readonly Permission[] = PERMISSIONS.filter((permission) => permission.endsWith(':read'));
const EDIT: readonly Permission[] = [
  ...READ,
  'workflow:write',
  'workflow:run',
  'dataset:write',
  'model:write',
  'deployment:write',
  'prediction:invoke',
  'monitoring:write',
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
