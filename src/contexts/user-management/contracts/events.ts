import type { PermissionName, ProjectRoleName } from './permissions.js';

/**
 * Integration events the user-management context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/user-management` so publish and
 * handle type-check against one definition. Payloads never carry secrets or hashes.
 */
export interface UserManagementEvents {
  'user-management.user.registered.v1': {
    userId: string;
    kind: 'person' | 'service';
    displayName: string;
    invitedBy: string | null;
  };
  'user-management.user.updated.v1': { userId: string; displayName: string };
  'user-management.user.email-changed.v1': { userId: string };
  'user-management.user.password-changed.v1': { userId: string; sessionsEnded: number };
  'user-management.user.disabled.v1': { userId: string; sessionsEnded: number };
  'user-management.user.enabled.v1': { userId: string };
  'user-management.login.succeeded.v1': { userId: string; sessionId: string; ip: string };
  'user-management.login.failed.v1': { userId: string | null; ip: string; reason: 'invalid-credentials' | 'throttled' };
  'user-management.refresh-token.reused.v1': { userId: string; sessionId: string; ip: string };
  'user-management.session.revoked.v1': {
    userId: string;
    sessionIds: string[];
    reason: 'logout' | 'revoked' | 'logout-everywhere' | 'password-changed' | 'disabled' | 'reuse';
  };
  'user-management.project.created.v1': { projectId: string; name: string; ownerId: string };
  'user-management.membership.changed.v1': {
    projectId: string;
    userId: string;
    role: ProjectRoleName | null;
    previousRole: ProjectRoleName | null;
  };
  'user-management.api-key.created.v1': {
    apiKeyId: string;
    ownerId: string;
    projectId: string;
    permissions: PermissionName[];
    expiresAt: string | null;
  };
  'user-management.api-key.revoked.v1': { apiKeyId: string; ownerId: string; projectId: string };
}

export type UserManagementEventType = keyof UserManagementEvents;
