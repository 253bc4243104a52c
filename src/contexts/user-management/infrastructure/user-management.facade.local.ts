import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PermissionName, ProjectRoleName } from '../contracts/permissions.js';
import { UserManagementFacade, type UserSummary } from '../contracts/user-management.facade.js';
import { roleGrants, type ProjectRole } from '../domain/access/permission.js';
import { MembershipLookup } from '../domain/projects/project.repository.js';

/** The in-process binding of the facade (ARCHITECTURE section 1). */
@Injectable()
export class LocalUserManagementFacade extends UserManagementFacade {
  constructor(
    private readonly memberships: MembershipLookup,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  roleIn(userId: string, projectId: string): Promise<ProjectRoleName | undefined> {
    return this.memberships.roleOf(userId, projectId);
  }

  projectExists(projectId: string): Promise<boolean> {
    return this.memberships.projectExists(projectId);
  }

  async projectsGranting(userId: string, permission: PermissionName): Promise<string[]> {
    const rows: { project_id: string; role: ProjectRole }[] = await this.dataSource.query(
      'SELECT project_id, role FROM user_management.memberships WHERE user_id = $1',
      [userId],
    );
    return rows.filter((row) => roleGrants(row.role, permission)).map((row) => row.project_id);
  }

  async describeUsers(userIds: readonly string[]): Promise<UserSummary[]> {
    if (userIds.length === 0) return [];
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      'SELECT id, display_name FROM user_management.users WHERE id = ANY($1::uuid[])',
      [[...userIds]],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
  }
}
