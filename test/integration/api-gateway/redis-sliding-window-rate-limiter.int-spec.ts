import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import calculateSlot from 'cluster-key-slot';
import { RedisConnections, RedisUnavailable, type PlatformConfig } from '@libs/platform';
import { freePort, scaled, waitFor } from '@libs/testing';
import type { RateLimitPolicy } from '../../../src/contexts/api-gateway/domain/rate-limits/rate-limit-policy.js';
import { RedisSlidingWindowRateLimiter } from '../../../src/contexts/api-gateway/infrastructure/rate-limits/redis-sliding-window-rate-limiter.js';

const PER_MINUTE: RateLimitPolicy = { scope: 'api-key', limit: 100, windowSeconds: 60 };
// Not the request path's 1 s: 300 scripts queued at once outlasted it on a busy machine, and the
// limiter's arithmetic, not Redis's speed, is what these tests check. An offline Redis still fails
// at once (the connection is refused).
const connect = (redisUrl: string) =>
  new RedisConnections({ redisUrl, redisCommandTimeoutMs: scaled(10_000) } as PlatformConfig);

describe('RedisSlidingWindowRateLimiter (Redis)', () => {
  let connections: RedisConnections;
  let limiter: RedisSlidingWindowRateLimiter;

  beforeAll(() => {
    connections = connect(process.env.REDIS_URL!);
    limiter = new RedisSlidingWindowRateLimiter(connections);
  });
  afterAll(async () => {
    await connections.onApplicationShutdown();
  });

  it('admits exactly the limit of 300 concurrent requests, each with its own remaining count', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 300 }, () => limiter.consume(PER_MINUTE, 'key-concurrent', 1)),
    );
    const admitted = decisions.filter((decision) => decision.allowed);
    expect(admitted).toHaveLength(100);
    expect(new Set(admitted.map((decision) => decision.remaining)).size).toBe(100);
    const refused = decisions.filter((decision) => !decision.allowed);
    expect(refused.every((decision) => decision.retryAfterSeconds > 0 && decision.retryAfterSeconds <= 60)).toBe(true);
  });

  it('takes a batch’s cost at once, and refuses the unit past the limit', async () => {
    expect(await limiter.consume(PER_MINUTE, 'key-batch', 50)).toMatchObject({ allowed: true, remaining: 50 });
    expect(await limiter.consume(PER_MINUTE, 'key-batch', 50)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await limiter.consume(PER_MINUTE, 'key-batch', 1);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('refuses a cost above the whole limit for a full window, using nothing', async () => {
    expect(await limiter.consume(PER_MINUTE, 'key-huge', 101)).toMatchObject({
      allowed: false,
      remaining: 100,
      retryAfterSeconds: 60,
    });
    expect(await limiter.consume(PER_MINUTE, 'key-huge', 100)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('lets units back as their admissions leave a short window', async () => {
    const perSecond: RateLimitPolicy = { scope: 'user', limit: 2, windowSeconds: 1 };
    // Sent together, so Redis runs them back to back: a busy test process cannot let the one-second
    // window pass between them, as it could between two calls awaited in turn.
    const [filling, beyond] = await Promise.all([
      limiter.consume(perSecond, 'user-1', 2),
      limiter.consume(perSecond, 'user-1', 1),
    ]);
    expect([filling.allowed, beyond.allowed]).toEqual([true, false]);
    const later = await waitFor(
      async () => {
        const decision = await limiter.consume(perSecond, 'user-1', 1);
        return decision.allowed && decision;
      },
      { what: 'a unit back after the window' },
    );
    expect(later).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('keeps a budget’s two keys in one Cluster slot, expiring with the window', async () => {
    await limiter.consume(PER_MINUTE, 'key-slot', 1);
    const keys = await connections.command.keys('api-gateway:{rate:api-key:60:key-slot}*');
    expect(keys.sort()).toEqual([
      'api-gateway:{rate:api-key:60:key-slot}:log',
      'api-gateway:{rate:api-key:60:key-slot}:state',
    ]);
    expect(new Set(keys.map((key) => calculateSlot(key))).size).toBe(1);
    for (const key of keys) {
      const ttl = await connections.command.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('counts again from the log when the count was lost (evicted)', async () => {
    await limiter.consume(PER_MINUTE, 'key-evicted', 30);
    await connections.command.hset('api-gateway:{rate:api-key:60:key-evicted}:state', 'used', '-5');
    expect(await limiter.consume(PER_MINUTE, 'key-evicted', 1)).toMatchObject({ allowed: true, remaining: 69 });
  });

  it('answers RedisUnavailable (503) when Redis does not answer, never admitting', async () => {
    const nowhere = connect(`redis://127.0.0.1:${await freePort()}`);
    try {
      const offline = new RedisSlidingWindowRateLimiter(nowhere);
      await expect(offline.consume(PER_MINUTE, 'key-offline', 1)).rejects.toBeInstanceOf(RedisUnavailable);
    } finally {
      await nowhere.onApplicationShutdown();
    }
  });
});
