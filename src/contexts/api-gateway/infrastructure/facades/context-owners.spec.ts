import { describe, expect, it } from '@jest/globals';
import type { ServiceInstance } from '../../domain/service-instance.js';
import type { GatewaySettings } from '../gateway-settings.js';
import type { RedisServiceRegistry } from '../registry/redis-service-registry.js';
import type { RegistryHeartbeat } from '../registry/registry-heartbeat.js';
import type { GatewayMetrics } from '../routing/gateway-metrics.js';
import { ContextOwners } from './context-owners.js';

const instance = (id: string, contexts: string[], role: ServiceInstance['role'] = 'api'): ServiceInstance => ({
  id,
  url: `http://${id}:3000`,
  contexts,
  role,
  version: 'test',
  startedAt: '',
  heartbeatAt: 0,
});

/** A registry answering `live` with what the test sets, counting its reads; `failing` makes it throw. */
function registry(initial: ServiceInstance[]) {
  const state = { live: initial, reads: 0, failing: false };
  const fake = {
    live: () => {
      state.reads += 1;
      return state.failing ? Promise.reject(new Error('Connection is closed.')) : Promise.resolve(state.live);
    },
  } as unknown as RedisServiceRegistry;
  return { state, fake };
}

/** The breaker changes ContextOwners reports, as `GatewayMetrics.breakerChanged` receives them. */
type BreakerChange = Parameters<GatewayMetrics['breakerChanged']>;

function owners(fake: RedisServiceRegistry, registryPollMs: number, changes: BreakerChange[] = []) {
  const settings = {
    registryPollMs,
    instanceTtlMs: 6000,
    breakerFailureRatio: 0.5,
    breakerWindowCalls: 20,
    breakerMinimumCalls: 5,
    breakerHalfOpenAfterMs: 5000,
  } as GatewaySettings;
  const metrics = { breakerChanged: (...change: BreakerChange) => changes.push(change) } as unknown as GatewayMetrics;
  return new ContextOwners(fake, { instanceId: 'self' } as RegistryHeartbeat, metrics, settings);
}

describe('ContextOwners', () => {
  it('lists the other instances serving HTTP that host the context, not itself nor workers', async () => {
    const { fake } = registry([
      instance('self', ['model-registry']),
      instance('api-ml', ['model-registry', 'prediction']),
      instance('worker-ml', ['model-registry'], 'worker'),
      instance('api-core', ['user-management']),
    ]);
    const found = await owners(fake, 0).of('model-registry');
    expect(found.map((upstream) => upstream.id)).toEqual(['api-ml']);
  });

  it('keeps an instance’s breaker across reads, and drops the instance once it has left', async () => {
    const { state, fake } = registry([instance('a', ['prediction']), instance('b', ['prediction'])]);
    const subject = owners(fake, 0);
    const [first] = await subject.of('prediction');
    const again = await subject.of('prediction');
    expect(again[0]).toBe(first);
    state.live = [instance('b', ['prediction'])];
    expect((await subject.of('prediction')).map((upstream) => upstream.id)).toEqual(['b']);
  });

  it('reads the registry at most once per poll interval, and keeps what it knew while the registry is away', async () => {
    const { state, fake } = registry([instance('a', ['prediction'])]);
    const cached = owners(fake, 60_000);
    await Promise.all([cached.of('prediction'), cached.of('prediction')]);
    await cached.of('prediction');
    expect(state.reads).toBe(1);

    const polling = owners(fake, 0);
    await polling.of('prediction');
    state.failing = true;
    expect((await polling.of('prediction')).map((upstream) => upstream.id)).toEqual(['a']);
  });

  it('exports its breakers’ changes as the instance’s breaker of facade calls', async () => {
    const { fake } = registry([instance('a', ['prediction'])]);
    const changes: BreakerChange[] = [];
    const [upstream] = await owners(fake, 0, changes).of('prediction');
    for (let call = 0; call < 5; call += 1)
      await expect(upstream.breaker.execute(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(changes).toEqual([['facade', 'http://a:3000', 'closed', 'open']]);
  });
});
