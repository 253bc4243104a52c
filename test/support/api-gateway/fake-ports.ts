import { AccessTokenReader } from '../../../src/contexts/api-gateway/infrastructure/callers/access-token-reader.js';
import { UpstreamDirectory } from '../../../src/contexts/api-gateway/infrastructure/routing/upstream-directory.js';
import { ProjectRateLimitPolicies } from '../../../src/contexts/api-gateway/application/ports/project-rate-limit-policies.js';
import { RateLimitSettings } from '../../../src/contexts/api-gateway/application/ports/rate-limit-settings.js';
import {
  RateLimiter,
  type RateLimitDecision,
} from '../../../src/contexts/api-gateway/application/ports/rate-limiter.js';
import {
  ProjectRateLimitRepository,
  type ProjectRateLimits,
} from '../../../src/contexts/api-gateway/domain/rate-limits/project-rate-limit.repository.js';
import type { RateLimitPolicy } from '../../../src/contexts/api-gateway/domain/rate-limits/rate-limit-policy.js';

export const PROJECT = '01900000-0000-7000-8000-000000000001';
export const OTHER_PROJECT = '01900000-0000-7000-8000-000000000002';
export const ACTOR = 'user-1';

/** A clock the tests move by hand. */
export class ManualClock {
  constructor(public nowMs = 0) {}
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

/**
 * The reference model of a sliding window with costs: every admission kept with its time; a
 * request fits when the costs admitted in the last window plus its own stay within the limit.
 */
export class InMemorySlidingWindowLimiter extends RateLimiter {
  readonly admitted = new Map<string, { at: number; cost: number }[]>();
  readonly calls: { policy: RateLimitPolicy; subject: string; cost: number }[] = [];

  constructor(private readonly clock = new ManualClock()) {
    super();
  }

  consume(policy: RateLimitPolicy, subject: string, cost: number): Promise<RateLimitDecision> {
    this.calls.push({ policy, subject, cost });
    const key = `${policy.scope}:${policy.windowSeconds}:${subject}`;
    const windowMs = policy.windowSeconds * 1000;
    const now = this.clock.nowMs;
    const log = (this.admitted.get(key) ?? []).filter((entry) => entry.at > now - windowMs);
    const used = log.reduce((sum, entry) => sum + entry.cost, 0);
    const allowed = used + cost <= policy.limit;
    if (allowed) log.push({ at: now, cost });
    this.admitted.set(key, log);
    const remaining = policy.limit - used - (allowed ? cost : 0);
    const resetMs = log.length > 0 ? log[0].at + windowMs - now : 0;
    return Promise.resolve({
      allowed,
      remaining,
      resetSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: allowed
        ? 0
        : Math.ceil(
            (cost > policy.limit ? windowMs : this.waitMs(log, used + cost - policy.limit, windowMs, now)) / 1000,
          ),
    });
  }

  private waitMs(log: readonly { at: number; cost: number }[], needed: number, windowMs: number, now: number): number {
    let freed = 0;
    for (const entry of log) {
      freed += entry.cost;
      if (freed >= needed) return Math.max(1, entry.at + windowMs - now);
    }
    return windowMs;
  }
}

export class FixedRateLimitSettings extends RateLimitSettings {
  constructor(
    readonly defaults: readonly RateLimitPolicy[],
    private readonly weights: Readonly<Record<string, number>> = {},
    readonly enabled = true,
  ) {
    super();
  }

  weightOf(route: string): number {
    return this.weights[route] ?? 1;
  }
}

export class InMemoryProjectRateLimits extends ProjectRateLimitRepository {
  readonly rows = new Map<string, ProjectRateLimits>();

  of(projectId: string): Promise<ProjectRateLimits | undefined> {
    return Promise.resolve(this.rows.get(projectId));
  }

  save(limits: ProjectRateLimits): Promise<void> {
    this.rows.set(limits.projectId, limits);
    return Promise.resolve();
  }
}

/** The policies port over the repository, recording which projects were invalidated. */
export class RecordingProjectPolicies extends ProjectRateLimitPolicies {
  readonly invalidated: string[] = [];

  constructor(private readonly repository: ProjectRateLimitRepository) {
    super();
  }

  async of(projectId: string): Promise<readonly RateLimitPolicy[]> {
    return (await this.repository.of(projectId))?.limits ?? [];
  }

  invalidate(projectId: string): Promise<void> {
    this.invalidated.push(projectId);
    return Promise.resolve();
  }
}

/** Every port of the rate-limit use cases, in memory. */
export function fakeRateLimitPorts(defaults: readonly RateLimitPolicy[], weights: Record<string, number> = {}) {
  const clock = new ManualClock();
  const repository = new InMemoryProjectRateLimits();
  return {
    clock,
    repository,
    policies: new RecordingProjectPolicies(repository),
    limiter: new InMemorySlidingWindowLimiter(clock),
    settings: new FixedRateLimitSettings(defaults, weights),
  };
}

/** Access tokens it was told of, each naming its user; any other token is unverifiable. */
export class KnownAccessTokens extends AccessTokenReader {
  constructor(private readonly users: Readonly<Record<string, string>>) {
    super();
  }

  userOf(token: string): Promise<string | undefined> {
    return Promise.resolve(this.users[token]);
  }
}

/** A directory that knows no route: the JWKS reader then reads the keys from its own `publicUrl`. */
export function directoryWithoutRoutes(): UpstreamDirectory {
  const directory: UpstreamDirectory = Object.create(UpstreamDirectory.prototype);
  directory.routeFor = () => undefined;
  return directory;
}
