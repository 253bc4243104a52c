import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AmbientTransaction } from '@libs/platform';
import { AccessTokenVerifier } from './application/ports/access-tokens.js';
import { SecretTokens } from './application/ports/secret-tokens.js';
import { SessionLimits } from './application/ports/session-limits.js';
import { Transaction } from './application/ports/transaction.js';
import { AuthenticateRequestHandler } from './application/authenticate-request/authenticate-request.handler.js';
import { AuthorizeRequestHandler } from './application/authorize-request/authorize-request.handler.js';
import { PRINCIPAL_PROPERTY } from './contracts/principal.js';
import { UserManagementFacade } from './contracts/user-management.facade.js';
import { ApiKeyRepository } from './domain/api-keys/api-key.repository.js';
import { MembershipLookup } from './domain/projects/project.repository.js';
import { SessionStore } from './domain/sessions/session.js';
import { ACCESS_CONFIG, readAccessConfig, type AccessConfig } from './infrastructure/config/user-management-config.js';
import { USER_MANAGEMENT_ENTITIES } from './infrastructure/persistence/entities.js';
import { TypeOrmApiKeyRepository } from './infrastructure/persistence/typeorm-api-key.repository.js';
import { TypeOrmMembershipLookup } from './infrastructure/persistence/typeorm-membership-lookup.js';
import { RandomSecretTokens } from './infrastructure/secrets/random-secret-tokens.js';
import { RedisSessionStore } from './infrastructure/sessions/redis-session-store.js';
import { JoseAccessTokenVerifier } from './infrastructure/tokens/jose-access-token-verifier.js';
import { PublicKeySet } from './infrastructure/tokens/public-key-set.js';
import { LocalUserManagementFacade } from './infrastructure/user-management.facade.local.js';
import { AccessGuard } from './interface/http/authentication/access.guard.js';
import { PlatformCredentialStrategy } from './interface/http/authentication/platform-credential.strategy.js';

/**
 * The read side of user-management that every process serving HTTP embeds, hosting the
 * context or not: the global fail-closed guard, token verification from the shared key table,
 * the Redis session check, API keys and membership lookups (docs/adr/0101). The composition root
 * imports it in every process; UserManagementModule relies on its exports.
 */
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
      providers: [
        { provide: ACCESS_CONFIG, useFactory: () => readAccessConfig(process.env) },
        AmbientTransaction,
        { provide: Transaction, useExisting: AmbientTransaction },
        PublicKeySet,
        { provide: AccessTokenVerifier, useClass: JoseAccessTokenVerifier },
        { provide: SessionStore, useClass: RedisSessionStore },
        {
          provide: SessionLimits,
          useFactory: (config: AccessConfig) => ({ idleMs: config.sessionIdleSeconds * 1000 }),
          inject: [ACCESS_CONFIG],
        },
        { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
        { provide: MembershipLookup, useClass: TypeOrmMembershipLookup },
        { provide: SecretTokens, useClass: RandomSecretTokens },
        { provide: UserManagementFacade, useClass: LocalUserManagementFacade },
        AuthenticateRequestHandler,
        AuthorizeRequestHandler,
        PlatformCredentialStrategy,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [
        ACCESS_CONFIG,
        AmbientTransaction,
        Transaction,
        PublicKeySet,
        SessionStore,
        SessionLimits,
        ApiKeyRepository,
        MembershipLookup,
        SecretTokens,
        UserManagementFacade,
      ],
    };
  }
}
