import type { ProjectRole } from '../access/permission.js';
import type { Project } from './project.js';

export interface ProjectSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  /** The requester's role; absent when an admin lists a project they are not a member of. */
  readonly role?: ProjectRole;
}

/** Port: projects with their memberships. */
export abstract class ProjectRepository {
  abstract findById(id: string): Promise<Project | undefined>;
  /** The projects a user is a member of, or every project for an admin. */
  abstract listVisibleTo(
    userId: string,
    isAdmin: boolean,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ProjectSummary[]; nextCursor: string | null }>;
  /** Writes the project and its pending membership changes; ConcurrencyError on a stale version. */
  abstract save(project: Project): Promise<void>;
}

/** Port: the one read every permission check makes, kept separate so it stays a single indexed lookup. */
export abstract class MembershipLookup {
  abstract roleOf(userId: string, projectId: string): Promise<ProjectRole | undefined>;
  abstract projectExists(projectId: string): Promise<boolean>;
}
