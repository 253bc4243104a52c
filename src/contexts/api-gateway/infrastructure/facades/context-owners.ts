import { Inject, Injectable, Logger } from '@nestjs/common';
import { servesHttp, type ServiceInstance } from '../../domain/service-instance.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import { RedisServiceRegistry } from '../registry/redis-service-registry.js';
import { RegistryHeartbeat } from '../registry/registry-heartbeat.js';
import { GatewayMetrics } from '../routing/gateway-metrics.js';
import { Upstream } from '../routing/upstream.js';
import { UpstreamBreaker } from '../routing/upstream-breaker.js';

/**
 * The instances hosting a context, for facade calls (docs/adr/0704): the service registry read at
 * most every GATEWAY_REGISTRY_POLL_MS, when a call needs it (a worker process has no poll loop and
 * needs none), each instance with a breaker of its own that lives as long as the instance, exported
 * apart from the forwarding one's (`calls="facade"`).
 */
@Injectable()
export class ContextOwners {
  private readonly logger = new Logger(ContextOwners.name);
  private readonly upstreams = new Map<string, Upstream>();
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly registry: RedisServiceRegistry,
    private readonly self: RegistryHeartbeat,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** The live instances serving HTTP that host `context`, this process left out. */
  async of(context: string): Promise<Upstream[]> {
    if (Date.now() - this.readAt >= this.settings.registryPollMs) await (this.reading ??= this.read());
    return [...this.upstreams.values()].filter((upstream) => upstream.instance.contexts.includes(context));
  }

  private async read(): Promise<void> {
    try {
      const live = (await this.registry.live(this.settings.instanceTtlMs)).filter(
        (instance) => servesHttp(instance) && instance.id !== this.self.instanceId,
      );
      const ids = new Set(live.map((instance) => instance.id));
      for (const id of [...this.upstreams.keys()]) if (!ids.has(id)) this.upstreams.delete(id);
      for (const instance of live)
        if (!this.upstreams.has(instance.id)) this.upstreams.set(instance.id, this.upstreamOf(instance));
      this.readAt = Date.now();
    } catch (error) {
      // The instances known last are better than none while Redis is away; the next call reads again.
      this.logger.warn(`could not read the service registry: ${(error as Error).message}`);
    } finally {
      this.reading = undefined;
    }
  }

  private upstreamOf(instance: ServiceInstance): Upstream {
    // Its own breaker: a failing facade route need not stop the instance's forwarded requests, nor the reverse.
    const breaker = new UpstreamBreaker(this.settings, (from, to) => {
      this.metrics.breakerChanged('facade', instance.url, from, to);
      this.logger.warn(`the circuit of facade calls to ${instance.url} (${instance.contexts.join(',')}) is ${to}`);
    });
    return new Upstream(instance, breaker);
  }
}
