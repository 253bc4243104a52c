import { Injectable } from '@nestjs/common';
import { ProjectRateLimitRepository } from '../../domain/rate-limits/project-rate-limit.repository.js';
import { checkPolicies } from '../../domain/rate-limits/rate-limit-policy.js';
import { ProjectRateLimitPolicies } from '../ports/project-rate-limit-policies.js';
import type { SetProjectRateLimitsCommand } from './set-project-rate-limits.command.js';

@Injectable()
export class SetProjectRateLimitsHandler {
  constructor(
    private readonly repository: ProjectRateLimitRepository,
    private readonly policies: ProjectRateLimitPolicies,
  ) {}

  async execute(command: SetProjectRateLimitsCommand): Promise<void> {
    const limits = checkPolicies(command.limits);
    await this.repository.save({
      projectId: command.projectId,
      limits,
      updatedBy: command.actorId,
      updatedAt: new Date(),
    });
    // Every process drops its cached copy, so the new limits hold from the next request on.
    await this.policies.invalidate(command.projectId);
  }
}
