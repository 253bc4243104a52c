import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@libs/messaging';
import { hostsHttp, hostsWorkers, PlatformModule, type BoundedContext, type PlatformConfig } from '@libs/platform';
import { ApiGatewayModule } from '@contexts/api-gateway';
import { UserManagementModule } from '@contexts/user-management';
import { BOUNDED_CONTEXTS } from './bounded-contexts.js';

/** Composes the platform with the contexts named in APP_CONTEXTS, in the role of APP_ROLE. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, catalogue: readonly BoundedContext[] = BOUNDED_CONTEXTS): DynamicModule {
    const hosted = catalogue.filter((context) => config.contexts.includes(context.name));
    const options = { http: hostsHttp(config.role), workers: hostsWorkers(config.role), hosted: config.contexts };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          migrations: hosted.flatMap((context) => context.migrations),
          openApiTags: hosted.map(({ name, description }) => ({ name, description })),
        }),
        MessagingModule.forRoot({ ...options, contexts: hosted }),
        // Fail closed in every process, whichever contexts it hosts (docs/adr/0101); a worker-only
        // process has no routes to guard, but the hosted user-management context needs its providers.
        UserManagementModule.access(),
        // Every process announces itself and forwards what it does not serve (docs/adr/0702).
        ApiGatewayModule.routing(options),
        ...hosted.map((context) => context.module(options)),
        // Facades of the contexts hosted elsewhere: reads of their owner's schema here (docs/adr/0702),
        // and HTTP clients of an instance hosting them in a split deployment (docs/adr/0704).
        ...catalogue
          .filter((context) => !hosted.includes(context))
          .flatMap((context) => [context.facades, splitDeployment(config) ? context.httpFacades : undefined])
          .flatMap((facades) => (facades === undefined ? [] : [facades()])),
      ],
    };
  }
}

/**
 * The installation runs its contexts in several processes that call each other's facades: it set
 * the secret those calls are signed with. A process without it hosting a subset (a test, a trimmed
 * installation) leaves the others' facades unbound, so their callers' own fallbacks answer.
 */
function splitDeployment(config: PlatformConfig): boolean {
  return config.serviceCalls.secret !== undefined;
}
