import { Injectable } from '@nestjs/common';
import { effectivePolicies } from '../../domain/rate-limits/rate-limit-policy.js';
import { rateLimitSubjects } from '../../domain/rate-limits/rate-limit-subjects.js';
import { requestCost } from '../../domain/rate-limits/request-cost.js';
import { ProjectRateLimitPolicies } from '../ports/project-rate-limit-policies.js';
import { RateLimiter } from '../ports/rate-limiter.js';
import { RateLimitSettings } from '../ports/rate-limit-settings.js';
import type { AdmissionResult, AdmitRequestCommand, BudgetUse } from './admit-request.command.js';
import { RateLimitedRequest } from './rate-limited-request.js';

/**
 * Takes a request's cost from every budget it draws on, or refuses it with the first budget
 * that is used up. Budgets are taken one after another, each atomically: a request refused by a
 * later budget has still used the earlier ones (as Kong's stacked limits do), which errs on the
 * side of limiting and keeps each budget in one Redis Cluster slot.
 */
@Injectable()
export class AdmitRequestHandler {
  constructor(
    private readonly settings: RateLimitSettings,
    private readonly projects: ProjectRateLimitPolicies,
    private readonly limiter: RateLimiter,
  ) {}

  async execute(command: AdmitRequestCommand): Promise<AdmissionResult> {
    if (!this.settings.enabled) return [];
    const own = command.projectId ? await this.projects.of(command.projectId) : [];
    const subjects = rateLimitSubjects(command, effectivePolicies(this.settings.defaults, own));
    const cost = requestCost(this.settings.weightOf(command.route), command.body);
    const uses: BudgetUse[] = [];
    for (const { policy, subject } of subjects) {
      const use = { policy, decision: await this.limiter.consume(policy, subject, cost) };
      uses.push(use);
      if (!use.decision.allowed) throw new RateLimitedRequest(use, cost, uses);
    }
    return uses;
  }
}
