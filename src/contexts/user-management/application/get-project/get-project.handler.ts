import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { Project } from '../../domain/projects/project.js';
import { ProjectRepository } from '../../domain/projects/project.repository.js';
import type { GetProjectQuery } from './get-project.query.js';

/** One project with its members; the guard has resolved visibility (project:read), so this only loads. */
@Injectable()
export class GetProjectHandler {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(query: GetProjectQuery): Promise<Project> {
    const project = await this.projects.findById(query.projectId);
    if (!project) throw new NotFoundError('Project', query.projectId);
    return project;
  }
}
