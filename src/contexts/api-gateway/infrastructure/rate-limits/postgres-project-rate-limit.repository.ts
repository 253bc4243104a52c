import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import {
  ProjectRateLimitRepository,
  type ProjectRateLimits,
} from '../../domain/rate-limits/project-rate-limit.repository.js';
import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

interface ProjectRateLimitRow {
  readonly project_id: string;
  readonly limits: RateLimitPolicy[];
  readonly updated_by: string;
  readonly updated_at: Date;
}

/** Projects' own rate limits in `api_gateway.project_rate_limits`, one row per project. */
@Injectable()
export class PostgresProjectRateLimitRepository extends ProjectRateLimitRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async of(projectId: string): Promise<ProjectRateLimits | undefined> {
    // A gateway asks with whatever a forwarded path names as the project: no such row, and the
    // instance answers the malformed id (PostgreSQL would refuse it as a uuid: a 500).
    if (!isUuid(projectId)) return undefined;
    const rows: ProjectRateLimitRow[] = await this.scope
      .manager()
      .query(
        'SELECT project_id, limits, updated_by, updated_at FROM api_gateway.project_rate_limits WHERE project_id = $1',
        [projectId],
      );
    const row = rows[0];
    return (
      row && { projectId: row.project_id, limits: row.limits, updatedBy: row.updated_by, updatedAt: row.updated_at }
    );
  }

  async save(limits: ProjectRateLimits): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO api_gateway.project_rate_limits (project_id, limits, updated_by, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_id) DO UPDATE SET limits = $2, updated_by = $3, updated_at = $4`,
      [limits.projectId, JSON.stringify(limits.limits), limits.updatedBy, limits.updatedAt],
    );
  }
}
