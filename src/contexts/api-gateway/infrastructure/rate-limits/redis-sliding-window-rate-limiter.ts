import { Injectable } from '@nestjs/common';
import type { Result } from 'ioredis';
import { fromRedis, RedisConnections } from '@libs/platform';
import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';
import { RateLimiter, type RateLimitDecision } from '../../application/ports/rate-limiter.js';
import { SLIDING_WINDOW } from './sliding-window.lua.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    apiGatewaySlidingWindow(
      log: string,
      state: string,
      limit: number,
      windowMs: number,
      cost: number,
    ): Result<[number, number, number, number], Context>;
  }
}

/**
 * Budgets in Redis, shared by every process (ADR 0701). On the request path: a Redis that does not
 * answer in time is a 503, as for sessions and login throttling (ADR 0008), never an open door.
 */
@Injectable()
export class RedisSlidingWindowRateLimiter extends RateLimiter {
  constructor(private readonly redis: RedisConnections) {
    super();
    // EVALSHA with the script cached by Redis, sent as EVAL once after a restart or a failover.
    redis.command.defineCommand('apiGatewaySlidingWindow', { numberOfKeys: 2, lua: SLIDING_WINDOW });
  }

  async consume(policy: RateLimitPolicy, subject: string, cost: number): Promise<RateLimitDecision> {
    const budget = budgetKey(policy, subject);
    const [allowed, remaining, resetMs, waitMs] = await fromRedis(
      this.redis.command.apiGatewaySlidingWindow(
        `${budget}:log`,
        `${budget}:state`,
        policy.limit,
        policy.windowSeconds * 1000,
        cost,
      ),
    );
    return {
      allowed: allowed === 1,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    };
  }
}

// Both keys of a budget share one hash tag, so the script touches one Redis Cluster slot. The
// window is part of the name: a policy whose window changes starts a fresh count.
const budgetKey = (policy: RateLimitPolicy, subject: string): string =>
  `api-gateway:{rate:${policy.scope}:${policy.windowSeconds}:${subject}}`;
