import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

/**
 * The projects' own policies as the request path reads them: cached, since every request asks,
 * and dropped from every process's cache when a project's limits change.
 */
export abstract class ProjectRateLimitPolicies {
  abstract of(projectId: string): Promise<readonly RateLimitPolicy[]>;
  abstract invalidate(projectId: string): Promise<void>;
}
