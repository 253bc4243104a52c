import { Module, type DynamicModule } from '@nestjs/common';

/** The api-gateway context: routing to local or remote contexts, rate limits, circuit breakers, service registry, merged OpenAPI. */
@Module({})
export class ApiGatewayModule {
  static register(): DynamicModule {
    return { module: ApiGatewayModule };
  }
}
