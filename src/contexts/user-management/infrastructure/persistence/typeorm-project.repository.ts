import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { Project } from '../../domain/projects/project.js';
import { ProjectRepository, type ProjectSummary } from '../../domain/projects/project.repository.js';
import { MembershipOrmEntity, ProjectOrmEntity } from './project.orm-entity.js';
import { versionedSave } from './versioned-save.js';

@Injectable()
export class TypeOrmProjectRepository extends ProjectRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async findById(id: string): Promise<Project | undefined> {
    const manager = this.scope.manager();
    const row = await manager.getRepository(ProjectOrmEntity).findOneBy({ id });
    if (!row) return undefined;
    const members = await manager.getRepository(MembershipOrmEntity).findBy({ projectId: id });
    return Project.restore({ ...row, members: new Map(members.map((member) => [member.userId, member.role])) });
  }

  async listVisibleTo(
    userId: string,
    isAdmin: boolean,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ProjectSummary[]; nextCursor: string | null }> {
    const rows: { id: string; name: string; created_at: Date; role: ProjectSummary['role'] | null }[] = await this.scope
      .manager()
      .query(
        `SELECT p.id, p.name, p.created_at, m.role
           FROM user_management.projects p
           LEFT JOIN user_management.memberships m ON m.project_id = p.id AND m.user_id = $1
          WHERE ($2 OR m.user_id IS NOT NULL) AND ($3::uuid IS NULL OR p.id > $3::uuid)
          ORDER BY p.id LIMIT $4`,
        [userId, isAdmin, cursor ?? null, limit + 1],
      );
    const page = rows.slice(0, limit).map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      ...(row.role && { role: row.role }),
    }));
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async save(project: Project): Promise<void> {
    const manager = this.scope.manager();
    const row = {
      id: project.id,
      name: project.name,
      createdBy: project.createdBy,
      createdAt: project.createdAt,
      version: project.version,
    };
    const version = await versionedSave(manager, ProjectOrmEntity, row, project.version, 'Project');
    const members = project.memberList();
    await manager.query(
      'DELETE FROM user_management.memberships WHERE project_id = $1 AND NOT (user_id = ANY($2::uuid[]))',
      [project.id, members.map((member) => member.userId)],
    );
    if (members.length > 0)
      await manager.getRepository(MembershipOrmEntity).upsert(
        members.map((member) => ({ projectId: project.id, userId: member.userId, role: member.role })),
        ['userId', 'projectId'],
      );
    project.markSaved(version);
  }
}
