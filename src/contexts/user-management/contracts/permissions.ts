/**
 * The permissions other contexts put on their routes with @RequirePermission. Kept equal to
 * the domain's catalogue by a spec (domain/access/permission.spec.ts).
 */
export const PUBLIC_PERMISSIONS = [
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

export type PermissionName = (typeof PUBLIC_PERMISSIONS)[number];

export type ProjectRoleName = 'owner' | 'editor' | 'viewer';
