import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import { ProjectRateLimitPolicies } from '../../application/ports/project-rate-limit-policies.js';
import { ProjectRateLimitRepository } from '../../domain/rate-limits/project-rate-limit.repository.js';
import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';
import { RATE_LIMIT_CONFIG, type RateLimitConfig } from '../config/rate-limit-config.js';

const CHANNEL = 'api-gateway.project-rate-limits-changed';

interface Cached {
  readonly policies: readonly RateLimitPolicy[];
  readonly until: number;
}

/**
 * Projects' policies read from PostgreSQL at most once per RATE_LIMIT_POLICY_CACHE_SECONDS per
 * process, since every request asks. A change is announced on a Redis channel and every process
 * drops its copy at once; an announcement a process misses (its subscriber was reconnecting) is
 * bounded by the cache's lifetime.
 */
@Injectable()
export class CachedProjectRateLimitPolicies extends ProjectRateLimitPolicies implements OnApplicationShutdown {
  private readonly logger = new Logger(CachedProjectRateLimitPolicies.name);
  private readonly cache = new Map<string, Cached>();
  private subscriber?: Redis;
  private listening?: Promise<void>;

  constructor(
    private readonly repository: ProjectRateLimitRepository,
    private readonly redis: RedisConnections,
    @Inject(RATE_LIMIT_CONFIG) private readonly config: RateLimitConfig,
  ) {
    super();
  }

  async of(projectId: string): Promise<readonly RateLimitPolicy[]> {
    // Not awaited: a request never waits for the subscription (Redis may be down); until it holds, the cache's lifetime bounds staleness.
    void this.listen();
    const cached = this.cache.get(projectId);
    if (cached && cached.until > Date.now()) return cached.policies;
    const policies = (await this.repository.of(projectId))?.limits ?? [];
    this.cache.set(projectId, { policies, until: Date.now() + this.config.policyCacheSeconds * 1000 });
    return policies;
  }

  async invalidate(projectId: string): Promise<void> {
    this.cache.delete(projectId);
    await this.redis.command.publish(CHANNEL, projectId).catch((error: Error) => {
      this.logger.warn(`could not announce new rate limits of project ${projectId}: ${error.message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await this.redis.release(this.subscriber);
  }

  /** Subscribes on the first request, so processes that serve none hold no subscriber connection; retried on the next after a failure. */
  private listen(): Promise<void> {
    this.listening ??= (async () => {
      if (this.subscriber === undefined) {
        this.subscriber = this.redis.dedicatedConnection('project-rate-limits');
        this.subscriber.on('message', (_channel: string, projectId: string) => this.cache.delete(projectId));
      }
      await this.subscriber.subscribe(CHANNEL);
    })().catch((error: Error) => {
      this.logger.warn(`not listening for rate limit changes yet: ${error.message}`);
      this.listening = undefined;
    });
    return this.listening;
  }
}
