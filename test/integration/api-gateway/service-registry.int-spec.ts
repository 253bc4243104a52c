import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, RedisConnections } from '@libs/platform';
import type { ServiceInstance } from '../../../src/contexts/api-gateway/domain/service-instance.js';
import { RedisServiceRegistry } from '../../../src/contexts/api-gateway/infrastructure/registry/redis-service-registry.js';

const instance = (id: string, heartbeatAt: number): ServiceInstance => ({
  id,
  url: `http://10.0.0.1:${3000 + id.length}`,
  contexts: ['model-registry', 'prediction'],
  role: 'api',
  version: '0.1.0',
  startedAt: new Date(heartbeatAt).toISOString(),
  heartbeatAt,
});

describe('the service registry in Redis', () => {
  let connections: RedisConnections;
  let registry: RedisServiceRegistry;

  beforeAll(() => {
    connections = new RedisConnections(loadConfig(process.env, ['model-registry', 'prediction']));
    registry = new RedisServiceRegistry(connections);
  });
  afterAll(() => connections.onApplicationShutdown());

  it('lists the instances heard from within the time to live, and deletes the others', async () => {
    const now = Date.now();
    await registry.announce(instance('fresh', now - 1000));
    await registry.announce(instance('lapsed', now - 6000));
    expect(await registry.live(5000, now)).toEqual([instance('fresh', now - 1000)]);
    expect(await connections.command.hkeys('gateway:instances')).toEqual(['fresh']);
  });

  it('takes an instance’s latest announcement, and forgets one that withdrew', async () => {
    const now = Date.now();
    await registry.announce(instance('beating', now - 4000));
    await registry.announce(instance('beating', now));
    expect((await registry.live(5000, now + 2000)).map((live) => live.heartbeatAt)).toContain(now);
    await registry.withdraw('beating');
    expect((await registry.live(5000, now)).map((live) => live.id)).not.toContain('beating');
  });

  it('drops an entry it cannot read instead of failing every reader', async () => {
    await connections.command.hset('gateway:instances', 'garbled', '{not json');
    expect((await registry.live(5000)).map((live) => live.id)).not.toContain('garbled');
    expect(await connections.command.hexists('gateway:instances', 'garbled')).toBe(0);
  });
});
