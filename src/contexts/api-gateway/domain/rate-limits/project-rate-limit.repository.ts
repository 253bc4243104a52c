import type { RateLimitPolicy } from './rate-limit-policy.js';

/** A project's own rate limits, replacing the configured defaults scope by scope. */
export interface ProjectRateLimits {
  readonly projectId: string;
  readonly limits: readonly RateLimitPolicy[];
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** Where projects' rate limits are kept (the port; PostgreSQL in production). */
export abstract class ProjectRateLimitRepository {
  /** The project's limits, or undefined when it has none of its own. */
  abstract of(projectId: string): Promise<ProjectRateLimits | undefined>;
  abstract save(limits: ProjectRateLimits): Promise<void>;
}
