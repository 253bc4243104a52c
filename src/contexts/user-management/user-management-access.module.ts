/*
 * Why user-management has two modules: the authentication guard is global (APP_GUARD, fail
 * closed) and must run in every process that serves HTTP, also in a split deployment where a
 * process hosts workflow-engine or model-registry but not user-management (docs/adr/0101). This
 * module is that read side: token verification from the shared key table, the Redis session
 * check, API keys and membership lookups. It is @Global so the context's own module and the
 * facade's users in other contexts resolve its exports without importing it; the composition
 * root imports it once per process, UserManagementModule only where the context is hosted.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PRINCIPAL_PROPERTY } from './contracts/principal.js';
import { USER_MANAGEMENT_ENTITIES } from './infrastructure/persistence/entities.js';
import { ACCESS_EXPORTS, ACCESS_PROVIDERS } from './user-management.providers.js';

/** The read side of user-management that every process serving HTTP embeds, hosting the context or not. */
@Global()
@Module({})
export class UserManagementAccessModule {
  static register(): DynamicModule {
    return {
      module: UserManagementAccessModule,
      imports: [
        PassportModule.register({ session: false, property: PRINCIPAL_PROPERTY }),
        TypeOrmModule.forFeature(USER_MANAGEMENT_ENTITIES),
      ],
      providers: ACCESS_PROVIDERS,
      exports: ACCESS_EXPORTS,
    };
  }
}
