import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { FacadeTransport, PLATFORM_CONFIG, type ContextModuleOptions, type PlatformConfig } from '@libs/platform';
import { RATE_LIMIT_CONTROLLERS, rateLimitProviders } from './rate-limits.providers.js';
import { ContextOwners } from './infrastructure/facades/context-owners.js';
import { HttpFacadeTransport } from './infrastructure/facades/http-facade-transport.js';
import { loadGatewaySettings } from './infrastructure/gateway-settings.js';
import { GATEWAY_SETTINGS } from './infrastructure/gateway-tokens.js';
import { MergedOpenApi } from './infrastructure/openapi/merged-openapi.js';
import { RedisServiceRegistry } from './infrastructure/registry/redis-service-registry.js';
import { RegistryHeartbeat } from './infrastructure/registry/registry-heartbeat.js';
import { ForwardingHook } from './infrastructure/routing/forwarding-hook.js';
import { GATEWAY_METRIC_PROVIDERS, GatewayMetrics } from './infrastructure/routing/gateway-metrics.js';
import { RequestForwarder } from './infrastructure/routing/request-forwarder.js';
import { UpstreamDirectory } from './infrastructure/routing/upstream-directory.js';

/** The service registry and routing, which every process runs whichever contexts it hosts (docs/adr/0702). */
@Module({})
class GatewayRoutingModule {}

/** The api-gateway context: routing to local or remote contexts, rate limits, circuit breakers, service registry, merged OpenAPI. */
@Module({})
export class ApiGatewayModule {
  /** What the gateway adds where it is hosted: rate limits and the merged OpenAPI document at /docs. */
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: ApiGatewayModule,
      controllers: options.http ? [...RATE_LIMIT_CONTROLLERS] : [],
      providers: [...rateLimitProviders(options), ...(options.http ? [MergedOpenApi] : [])],
    };
  }

  /**
   * In every process: it announces itself in the service registry; one serving HTTP also forwards
   * requests for routes it does not serve to a registered instance that does. Facades of contexts
   * hosted elsewhere reach them through its FacadeTransport (docs/adr/0704), in workers too.
   */
  static routing(options: ContextModuleOptions): DynamicModule {
    const settings: Provider = {
      provide: GATEWAY_SETTINGS,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig) => loadGatewaySettings(process.env, config),
    };
    const routing = [UpstreamDirectory, RequestForwarder, ForwardingHook];
    return {
      module: GatewayRoutingModule,
      global: true,
      providers: [
        settings,
        RedisServiceRegistry,
        RegistryHeartbeat,
        // Workers too: their facade calls' breakers are on their /metrics.
        ...GATEWAY_METRIC_PROVIDERS,
        GatewayMetrics,
        ContextOwners,
        { provide: FacadeTransport, useClass: HttpFacadeTransport },
        ...(options.http ? routing : []),
      ],
      exports: [GATEWAY_SETTINGS, FacadeTransport, ...(options.http ? [UpstreamDirectory, ForwardingHook] : [])],
    };
  }
}
