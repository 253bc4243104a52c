import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLATFORM_CONFIG } from './config/config.tokens.js';
import type { PlatformConfig } from './config/platform-config.js';
import { dataSourceOptions, type MigrationList } from './database/data-source-options.js';
import { MigrationsOnStart } from './database/migrations-on-start.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessRegistry } from './health/readiness-registry.js';
import { StartupState } from './health/startup-state.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OpenApiContributions, type OpenApiTag } from './openapi/openapi-contributions.js';
import { RedisConnections } from './redis/redis-connections.js';
import { SealedSecretStores } from './secrets/sealed-secret-stores.js';
import { SecretCipher } from './secrets/secret-cipher.js';
import { secretCipherProvider } from './secrets/secret-cipher.provider.js';
import { SERVICE_CALL_SETTINGS } from './service-calls/service-call-settings.js';
import { TraceFlush } from './tracing/trace-flush.js';

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  /** Migrations of the contexts this process hosts. */
  readonly migrations: MigrationList;
  /** The hosted contexts' tags of the OpenAPI document. */
  readonly openApiTags?: readonly OpenApiTag[];
}

/** Shared infrastructure of every context: config, database, Redis, health, metrics, errors, stored-secret sealing. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, migrations, openApiTags }: PlatformModuleOptions): DynamicModule {
    const sealing = config.secretsEncryption.keys.length > 0;
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config, migrations), autoLoadEntities: true }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: SERVICE_CALL_SETTINGS, useValue: config.serviceCalls },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        MigrationsOnStart,
        RedisConnections,
        ReadinessRegistry,
        StartupState,
        TraceFlush,
        // Without keys (production, no hosted context seals secrets) there is no cipher to inject.
        ...(sealing ? [secretCipherProvider(config.secretsEncryption)] : []),
        SealedSecretStores,
        { provide: OpenApiContributions, useValue: new OpenApiContributions(openApiTags) },
      ],
      exports: [
        PLATFORM_CONFIG,
        SERVICE_CALL_SETTINGS,
        RedisConnections,
        ReadinessRegistry,
        MetricsModule,
        OpenApiContributions,
        ...(sealing ? [SecretCipher] : []),
        SealedSecretStores,
      ],
    };
  }
}
