import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';
import type { RequestFacts } from '../../domain/rate-limits/rate-limit-subjects.js';
import type { RateLimitDecision } from '../ports/rate-limiter.js';

export interface AdmitRequestCommand extends RequestFacts {
  /** The request's body, for the rows of a prediction batch. */
  readonly body: unknown;
}

/** One budget a request drew on, and what it answered. */
export interface BudgetUse {
  readonly policy: RateLimitPolicy;
  readonly decision: RateLimitDecision;
}

/** The budgets a request drew on; empty when no policy applies. */
export type AdmissionResult = readonly BudgetUse[];
