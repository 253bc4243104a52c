import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

export interface GetProjectRateLimitsQuery {
  readonly projectId: string;
}

/** A project's own limits, the configured defaults, and what its requests are held to. */
export interface ProjectRateLimitsView {
  readonly projectId: string;
  readonly limits: readonly RateLimitPolicy[];
  readonly defaults: readonly RateLimitPolicy[];
  readonly effective: readonly RateLimitPolicy[];
  readonly updatedAt?: Date;
}
