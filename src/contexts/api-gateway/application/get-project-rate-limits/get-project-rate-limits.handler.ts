import { Injectable } from '@nestjs/common';
import { ProjectRateLimitRepository } from '../../domain/rate-limits/project-rate-limit.repository.js';
import { effectivePolicies } from '../../domain/rate-limits/rate-limit-policy.js';
import { RateLimitSettings } from '../ports/rate-limit-settings.js';
import type { GetProjectRateLimitsQuery, ProjectRateLimitsView } from './get-project-rate-limits.query.js';

@Injectable()
export class GetProjectRateLimitsHandler {
  constructor(
    private readonly repository: ProjectRateLimitRepository,
    private readonly settings: RateLimitSettings,
  ) {}

  async execute(query: GetProjectRateLimitsQuery): Promise<ProjectRateLimitsView> {
    const own = await this.repository.of(query.projectId);
    const limits = own?.limits ?? [];
    const defaults = this.settings.defaults;
    return {
      projectId: query.projectId,
      limits,
      defaults,
      effective: effectivePolicies(defaults, limits),
      updatedAt: own?.updatedAt,
    };
  }
}
