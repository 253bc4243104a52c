import type { Principal } from '../../contracts/principal.js';
import type { ProjectSummary } from '../../domain/projects/project.repository.js';

export interface ListProjectsQuery {
  /** Members see their projects; an admin sees every project. */
  readonly principal: Principal;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ProjectPage {
  readonly items: ProjectSummary[];
  readonly nextCursor: string | null;
}
