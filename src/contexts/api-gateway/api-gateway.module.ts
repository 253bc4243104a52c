import { Module, type DynamicModule } from '@nestjs/common';
import type { ContextModuleOptions } from '@libs/platform';
import { RATE_LIMIT_CONTROLLERS, rateLimitProviders } from './rate-limits.providers.js';

/** The api-gateway context: routing to local or remote contexts, rate limits, circuit breakers, service registry, merged OpenAPI. */
@Module({})
export class ApiGatewayModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: ApiGatewayModule,
      controllers: options.http ? [...RATE_LIMIT_CONTROLLERS] : [],
      providers: [...rateLimitProviders(options)],
    };
  }
}
