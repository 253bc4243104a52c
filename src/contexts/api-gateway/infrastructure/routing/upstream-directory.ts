import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { request } from 'undici';
import { OPENAPI_SCOPE_HEADER, PeriodicWork } from '@libs/platform';
import type { ApiDocument } from '../../domain/openapi-merge.js';
import { servesHttp, type ServiceInstance } from '../../domain/service-instance.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import { RedisServiceRegistry } from '../registry/redis-service-registry.js';
import { RegistryHeartbeat } from '../registry/registry-heartbeat.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { RouteTable, type RouteMatch } from './route-table.js';
import { Upstream } from './upstream.js';
import { UpstreamBreaker } from './upstream-breaker.js';

/** A route another instance serves: its template and parameters, and the instances serving it now. */
export interface ForwardedRoute extends Omit<RouteMatch, 'instances'> {
  readonly candidates: readonly Upstream[];
}

/**
 * The other instances this process may forward to: read from the registry every
 * GATEWAY_REGISTRY_POLL_MS, each with its own OpenAPI document (read once, when it appears) and
 * breaker. A new instance takes traffic once its document is read; one that left takes none.
 */
@Injectable()
export class UpstreamDirectory implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UpstreamDirectory.name);
  private readonly upstreams = new Map<string, Upstream>();
  private readonly documents = new Map<string, ApiDocument>();
  private readonly routes = new RouteTable();
  private readonly polls = new PeriodicWork(
    () => this.refresh(),
    (error) => this.logger.warn(`could not read the service registry: ${error.message}`),
  );
  /** Changes whenever the set of instances or their documents does: the merged document's cache key. */
  generation = 0;

  constructor(
    private readonly registry: RedisServiceRegistry,
    private readonly self: RegistryHeartbeat,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.polls.start(this.settings.registryPollMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.polls.stop();
  }

  /** The route of `method path` and the instances serving it (none when all left); undefined for a route never served. */
  routeFor(method: string, path: string): ForwardedRoute | undefined {
    const match = this.routes.match(method, path);
    if (match === undefined) return undefined;
    const candidates: Upstream[] = [];
    for (const id of match.instances) {
      const upstream = this.upstreams.get(id);
      if (upstream !== undefined) candidates.push(upstream);
    }
    return { candidates, template: match.template, params: match.params };
  }

  /** The documents of the instances that take traffic now, oldest instance first. */
  liveDocuments(): ApiDocument[] {
    return [...this.documents.keys()].sort().map((id) => this.documents.get(id)!);
  }

  /** One round: instances that came are added once their document is read, those gone are dropped. */
  async refresh(): Promise<void> {
    const live = (await this.registry.live(this.settings.instanceTtlMs)).filter(
      (instance) => servesHttp(instance) && instance.id !== this.self.instanceId,
    );
    const liveIds = new Set(live.map((instance) => instance.id));
    let changed = false;
    for (const id of [...this.upstreams.keys()]) {
      if (liveIds.has(id)) continue;
      this.upstreams.delete(id);
      this.documents.delete(id);
      changed = true;
    }
    const arrived = live.filter((instance) => !this.documents.has(instance.id));
    const read = await Promise.all(arrived.map((instance) => this.documentOf(instance)));
    arrived.forEach((instance, index) => {
      const document = read[index];
      if (document === undefined) return;
      this.upstreams.set(instance.id, this.upstreamOf(instance));
      this.documents.set(instance.id, document);
      changed = true;
    });
    if (!changed) return;
    this.routes.rebuild(this.documents);
    this.generation += 1;
  }

  private upstreamOf(instance: ServiceInstance): Upstream {
    const breaker = new UpstreamBreaker(this.settings, (from, to) => {
      this.metrics.breakerChanged('forwarded', instance.url, from, to);
      this.logger.warn(`the circuit to ${instance.url} (${instance.contexts.join(',')}) is ${to}`);
    });
    return new Upstream(instance, breaker);
  }

  // The instance's own routes only: a gateway's served document lists others' routes it merely forwards.
  private async documentOf(instance: ServiceInstance): Promise<ApiDocument | undefined> {
    try {
      const response = await request(`${instance.url}/docs/openapi.json`, {
        headers: { [OPENAPI_SCOPE_HEADER]: 'instance' },
        headersTimeout: this.settings.tryTimeoutMs,
        bodyTimeout: this.settings.tryTimeoutMs,
      });
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw new Error(`answered ${response.statusCode}`);
      }
      return (await response.body.json()) as ApiDocument;
    } catch (error) {
      this.logger.warn(`could not read the OpenAPI document of ${instance.url}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
