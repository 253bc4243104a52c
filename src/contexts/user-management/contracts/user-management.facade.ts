import type { PermissionName, ProjectRoleName } from './permissions.js';

export interface UserSummary {
  readonly id: string;
  readonly displayName: string;
}

/** What other contexts may ask user-management synchronously (ARCHITECTURE section 1). */
export abstract class UserManagementFacade {
  /** The current role of a user in a project, read fresh. */
  abstract roleIn(userId: string, projectId: string): Promise<ProjectRoleName | undefined>;
  abstract projectExists(projectId: string): Promise<boolean>;
  /** The projects in which the user's role grants `permission`, read fresh (membership only: no admin bypass). */
  abstract projectsGranting(userId: string, permission: PermissionName): Promise<string[]>;
  /** Display names for showing who did something; unknown ids are left out. */
  abstract describeUsers(userIds: readonly string[]): Promise<UserSummary[]>;
}
