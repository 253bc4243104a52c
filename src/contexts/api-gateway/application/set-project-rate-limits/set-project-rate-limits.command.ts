import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

/** Replaces a project's own limits; an empty list leaves it on the defaults. */
export interface SetProjectRateLimitsCommand {
  readonly projectId: string;
  readonly limits: readonly RateLimitPolicy[];
  readonly actorId: string;
}
