import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RedisConnections, type PlatformConfig } from '@libs/platform';
import { RedisResponseCache } from '../../../src/contexts/prediction/infrastructure/cache/redis-response-cache.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';

const y: Tensor[] = [{ name: 'y', datatype: 'FP32', shape: [1, 2], data: [1.5, -1] }];
const x = (value: number): Tensor[] => [{ name: 'x', datatype: 'FP32', shape: [1, 1], data: [value] }];

describe('RedisResponseCache (Redis)', () => {
  let connections: RedisConnections;
  let cache: RedisResponseCache;

  beforeAll(() => {
    connections = new RedisConnections({
      redisUrl: process.env.REDIS_URL!,
      redisCommandTimeoutMs: 1000,
    } as PlatformConfig);
    cache = new RedisResponseCache(connections);
  });
  afterAll(async () => {
    await connections.onApplicationShutdown();
  });

  it('keeps an answer per version and inputs, with its TTL', async () => {
    const key = cache.keyOf(x(1), undefined);
    await cache.set('version-a', key, y, 30);

    expect(await cache.get('version-a', key)).toEqual(y);
    expect(await cache.get('version-b', key)).toBeUndefined();
    expect(await cache.get('version-a', cache.keyOf(x(2), undefined))).toBeUndefined();
    const ttl = await connections.command.ttl(`prediction:answers:version-a:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it('purges every answer of one version, over many scan pages, and no other version’s', async () => {
    const keys = Array.from({ length: 1200 }, (_, index) => cache.keyOf(x(index), undefined));
    for (const key of keys) await cache.set('version-old', key, y, 60);
    await cache.set('version-new', keys[0], y, 60);

    await cache.purgeVersion('version-old');

    expect(await connections.command.keys('prediction:answers:version-old:*')).toEqual([]);
    expect(await cache.get('version-new', keys[0])).toEqual(y);
  });

  it('answers a miss, and stores nothing, when Redis does not answer', async () => {
    const lost = new RedisConnections({
      redisUrl: process.env.REDIS_URL!,
      redisCommandTimeoutMs: 200,
    } as PlatformConfig);
    const broken = new RedisResponseCache(lost);
    await lost.command.ping();
    // Closes every connection the cache was given, its own auto-pipelined one included.
    await lost.onApplicationShutdown();

    await expect(broken.get('version-a', 'k')).resolves.toBeUndefined();
    await expect(broken.set('version-a', 'k', y, 30)).resolves.toBeUndefined();
    expect(await cache.get('version-a', 'k')).toBeUndefined();
  });
});
