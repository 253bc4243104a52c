import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ProjectRole } from '../../domain/access/permission.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';

/** One primary-key read per permission check, uncached so membership changes apply on the next request. */
@Injectable()
export class TypeOrmMembershipLookup extends MembershipLookup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async roleOf(userId: string, projectId: string): Promise<ProjectRole | undefined> {
    const rows: { role: ProjectRole }[] = await this.dataSource.query(
      'SELECT role FROM user_management.memberships WHERE user_id = $1 AND project_id = $2',
      [userId, projectId],
    );
    return rows[0]?.role;
  }

  async projectExists(projectId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM user_management.projects WHERE id = $1', [
      projectId,
    ]);
    return rows.length > 0;
  }
}
