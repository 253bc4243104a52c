import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

/** RATE_LIMIT_* settings (README, configuration). */
export abstract class RateLimitSettings {
  abstract readonly enabled: boolean;
  /** The policies of every request unless its project replaces them. */
  abstract readonly defaults: readonly RateLimitPolicy[];
  /** The weight of a route (`METHOD /route/:template`); 1 unless configured. */
  abstract weightOf(route: string): number;
}
