/**
 * The permission catalogue: the one list of permission names, which other contexts put on their
 * routes with @RequirePermission and the domain grants by role (domain/access/permission.ts). It
 * lives in contracts/ because other contexts compile against it; it imports nothing, so the
 * domain may read it and stay plain TypeScript (rule `permission-catalogue-is-a-leaf`). The
 * architecture test fails on any other source file that lists these names again.
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
  'pipeline:run',
  'model:read',
  'model:write',
  'model:approve',
  'deployment:read',
  'deployment:write',
  'prediction:invoke',
  'monitoring:read',
  'monitoring:write',
  'webhook:read',
  'webhook:write',
] as const;

export type PermissionName = (typeof PERMISSIONS)[number];

export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const;

export type ProjectRoleName = (typeof PROJECT_ROLES)[number];
