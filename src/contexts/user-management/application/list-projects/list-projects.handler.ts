import { Injectable } from '@nestjs/common';
import { ProjectRepository } from '../../domain/projects/project.repository.js';
import type { ListProjectsQuery, ProjectPage } from './list-projects.query.js';

/** Projects the caller can see. */
@Injectable()
export class ListProjectsHandler {
  constructor(private readonly projects: ProjectRepository) {}

  execute({ principal, limit, cursor }: ListProjectsQuery): Promise<ProjectPage> {
    return this.projects.listVisibleTo(principal.userId, principal.isAdmin, limit, cursor);
  }
}
