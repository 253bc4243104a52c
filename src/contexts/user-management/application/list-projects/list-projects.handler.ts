import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { Principal } from '../../contracts/principal.js';
import type { Project } from '../../domain/projects/project.js';
import { ProjectRepository, type ProjectSummary } from '../../domain/projects/project.repository.js';

/** Projects the caller can see, and one project with its members. */
@Injectable()
export class ListProjectsHandler {
  constructor(private readonly projects: ProjectRepository) {}

  list(
    principal: Principal,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ProjectSummary[]; nextCursor: string | null }> {
    return this.projects.listVisibleTo(principal.userId, principal.isAdmin, limit, cursor);
  }

  /** The guard has resolved visibility (project:read); this only loads. */
  async one(projectId: string): Promise<Project> {
    const project = await this.projects.findById(projectId);
    if (!project) throw new NotFoundError('Project', projectId);
    return project;
  }
}
