import { RateLimited } from '../../domain/rate-limits/rate-limited.js';
import type { AdmissionResult, BudgetUse } from './admit-request.command.js';

/** RateLimited with the budgets read so far, so a refusal carries the same headers as an answer. */
export class RateLimitedRequest extends RateLimited {
  constructor(
    refusedBy: BudgetUse,
    cost: number,
    readonly admission: AdmissionResult,
  ) {
    super(refusedBy.policy.scope, refusedBy.decision.retryAfterSeconds, cost > refusedBy.policy.limit);
  }
}
