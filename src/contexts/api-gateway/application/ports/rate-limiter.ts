import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

/** What one budget answered for one request. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Units left in the window after this request. */
  readonly remaining: number;
  /** Seconds until some of the used budget comes back. */
  readonly resetSeconds: number;
  /** When refused: seconds until this request's cost would fit. */
  readonly retryAfterSeconds: number;
}

/** Takes `cost` units from a subject's budget, atomically and shared by every process. */
export abstract class RateLimiter {
  abstract consume(policy: RateLimitPolicy, subject: string, cost: number): Promise<RateLimitDecision>;
}
