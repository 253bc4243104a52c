import type { Provider, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { outboxEventPublisher } from '@libs/messaging';
import { AmbientTransaction } from '@libs/platform';
import { AuthenticateRequestHandler } from './application/authenticate-request/authenticate-request.handler.js';
import { AuthorizeRequestHandler } from './application/authorize-request/authorize-request.handler.js';
import { BootstrapAdminHandler } from './application/bootstrap-admin/bootstrap-admin.handler.js';
import { ChangeEmailHandler } from './application/change-email/change-email.handler.js';
import { ChangePasswordHandler } from './application/change-password/change-password.handler.js';
import { CreateApiKeyHandler } from './application/create-api-key/create-api-key.handler.js';
import { CreateProjectHandler } from './application/create-project/create-project.handler.js';
import { CreateServiceAccountHandler } from './application/create-service-account/create-service-account.handler.js';
import { DisableUserHandler } from './application/disable-user/disable-user.handler.js';
import { EnableUserHandler } from './application/enable-user/enable-user.handler.js';
import { GetProjectHandler } from './application/get-project/get-project.handler.js';
import { GetUserHandler } from './application/get-user/get-user.handler.js';
import { ListApiKeysHandler } from './application/list-api-keys/list-api-keys.handler.js';
import { ListAuditEntriesHandler } from './application/list-audit-entries/list-audit-entries.handler.js';
import { ListProjectsHandler } from './application/list-projects/list-projects.handler.js';
import { ListSessionsHandler } from './application/list-sessions/list-sessions.handler.js';
import { ListUsersHandler } from './application/list-users/list-users.handler.js';
import { LogInHandler } from './application/log-in/log-in.handler.js';
import { LogOutHandler } from './application/log-out/log-out.handler.js';
import { LogOutEverywhereHandler } from './application/log-out-everywhere/log-out-everywhere.handler.js';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler.js';
import { RegisterUserHandler } from './application/register-user/register-user.handler.js';
import { RevokeApiKeyHandler } from './application/revoke-api-key/revoke-api-key.handler.js';
import { RevokeSessionHandler } from './application/revoke-session/revoke-session.handler.js';
import { SetProjectMemberHandler } from './application/set-project-member/set-project-member.handler.js';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler.js';
import { AccessTokenIssuer, AccessTokenVerifier } from './application/ports/access-tokens.js';
import { AuthSettings } from './application/ports/auth-settings.js';
import { CredentialRouteRate } from './application/ports/credential-route-rate.js';
import { JsonWebKeySet } from './application/ports/json-web-key-set.js';
import { SecretTokens } from './application/ports/secret-tokens.js';
import { SessionLimits } from './application/ports/session-limits.js';
import { Transaction } from './application/ports/transaction.js';
import { CurrentPassword } from './application/services/current-password.js';
import { SessionTermination } from './application/services/session-termination.js';
import { UserRegistration } from './application/services/user-registration.js';
import { UserManagementFacade } from './contracts/user-management.facade.js';
import { ApiKeyRepository } from './domain/api-keys/api-key.repository.js';
import { AuditLog } from './domain/audit/audit-entry.js';
import { MembershipLookup, ProjectRepository } from './domain/projects/project.repository.js';
import { LoginAttempts } from './domain/sessions/login-attempts.js';
import { RefreshTokenFamilyRepository } from './domain/sessions/refresh-token-family.repository.js';
import { SessionStore } from './domain/sessions/session.js';
import { CommonPasswords } from './domain/users/common-passwords.js';
import { PasswordHasher } from './domain/users/password-hasher.js';
import { UserRepository } from './domain/users/user.repository.js';
import { authSettingsFrom } from './infrastructure/config/auth-settings.from-config.js';
import {
  ACCESS_CONFIG,
  readAccessConfig,
  readUserManagementConfig,
  USER_MANAGEMENT_CONFIG,
  type AccessConfig,
} from './infrastructure/config/user-management-config.js';
import { BcryptPasswordHasher } from './infrastructure/passwords/bcrypt-password-hasher.js';
import { ListedCommonPasswords } from './infrastructure/passwords/listed-common-passwords.js';
import { TypeOrmApiKeyRepository } from './infrastructure/persistence/typeorm-api-key.repository.js';
import { CachedApiKeyRepository } from './infrastructure/cache/cached-api-key.repository.js';
import { CachedApiKeyOwnerRoles } from './infrastructure/cache/cached-api-key-owner-roles.js';
import { ApiKeyOwnerRoles } from './application/ports/api-key-owner-roles.js';
import { TypeOrmAuditLog } from './infrastructure/persistence/typeorm-audit-log.js';
import { TypeOrmMembershipLookup } from './infrastructure/persistence/typeorm-membership-lookup.js';
import { TypeOrmProjectRepository } from './infrastructure/persistence/typeorm-project.repository.js';
import { TypeOrmRefreshTokenFamilyRepository } from './infrastructure/persistence/typeorm-refresh-token-family.repository.js';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user.repository.js';
import { RandomSecretTokens } from './infrastructure/secrets/random-secret-tokens.js';
import { RedisSessionStore } from './infrastructure/sessions/redis-session-store.js';
import { UserManagementStartUp } from './infrastructure/start-up/user-management-start-up.js';
import { RedisLoginAttempts } from './infrastructure/throttling/redis-login-attempts.js';
import { RedisCredentialRouteRate } from './infrastructure/throttling/redis-credential-route-rate.js';
import { RedisRequestRate } from './infrastructure/throttling/redis-request-rate.js';
import { JoseAccessTokenIssuer } from './infrastructure/tokens/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from './infrastructure/tokens/jose-access-token-verifier.js';
import { PublicKeySet } from './infrastructure/tokens/public-key-set.js';
import { SigningKeyRing } from './infrastructure/tokens/signing-key-ring.js';
import { LocalUserManagementFacade } from './infrastructure/user-management.facade.local.js';
import { AuthRateLimitGuard } from './interface/http/auth-rate-limit.guard.js';
import { AccessGuard } from './interface/http/authentication/access.guard.js';
import { PlatformCredentialStrategy } from './interface/http/authentication/platform-credential.strategy.js';

/** The use cases of a process that hosts user-management. */
export const USE_CASES: Type[] = [
  BootstrapAdminHandler,
  ChangeEmailHandler,
  ChangePasswordHandler,
  CreateApiKeyHandler,
  CreateProjectHandler,
  CreateServiceAccountHandler,
  DisableUserHandler,
  EnableUserHandler,
  GetProjectHandler,
  GetUserHandler,
  ListApiKeysHandler,
  ListAuditEntriesHandler,
  ListProjectsHandler,
  ListSessionsHandler,
  ListUsersHandler,
  LogInHandler,
  LogOutHandler,
  LogOutEverywhereHandler,
  RefreshSessionHandler,
  RegisterUserHandler,
  RevokeApiKeyHandler,
  RevokeSessionHandler,
  SetProjectMemberHandler,
  UpdateProfileHandler,
];

/** The application services those use cases share. */
export const SERVICES: Type[] = [CurrentPassword, SessionTermination, UserRegistration];

export const ADAPTERS: Provider[] = [
  { provide: USER_MANAGEMENT_CONFIG, useFactory: () => readUserManagementConfig(process.env) },
  { provide: AuthSettings, useFactory: authSettingsFrom, inject: [USER_MANAGEMENT_CONFIG] },
  { provide: UserRepository, useClass: TypeOrmUserRepository },
  { provide: ProjectRepository, useClass: TypeOrmProjectRepository },
  { provide: RefreshTokenFamilyRepository, useClass: TypeOrmRefreshTokenFamilyRepository },
  { provide: AuditLog, useClass: TypeOrmAuditLog },
  outboxEventPublisher({ source: 'user-management', schema: 'user_management' }),
  { provide: PasswordHasher, useClass: BcryptPasswordHasher },
  { provide: CommonPasswords, useClass: ListedCommonPasswords },
  { provide: LoginAttempts, useClass: RedisLoginAttempts },
  { provide: AccessTokenIssuer, useClass: JoseAccessTokenIssuer },
  SigningKeyRing,
  RedisRequestRate,
  { provide: CredentialRouteRate, useClass: RedisCredentialRouteRate },
  { provide: JsonWebKeySet, useExisting: PublicKeySet },
  AuthRateLimitGuard,
  UserManagementStartUp,
];

/** What every process serving HTTP embeds, hosting the context or not: the guard and what it reads. */
export const ACCESS_PROVIDERS: Provider[] = [
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
  TypeOrmApiKeyRepository,
  {
    provide: ApiKeyRepository,
    useFactory: (keys: TypeOrmApiKeyRepository, config: AccessConfig) => new CachedApiKeyRepository(keys, config),
    inject: [TypeOrmApiKeyRepository, ACCESS_CONFIG],
  },
  { provide: MembershipLookup, useClass: TypeOrmMembershipLookup },
  { provide: ApiKeyOwnerRoles, useClass: CachedApiKeyOwnerRoles },
  { provide: SecretTokens, useClass: RandomSecretTokens },
  { provide: UserManagementFacade, useClass: LocalUserManagementFacade },
  AuthenticateRequestHandler,
  AuthorizeRequestHandler,
  PlatformCredentialStrategy,
  { provide: APP_GUARD, useClass: AccessGuard },
];

/** The access providers the hosted use cases (and other contexts, through the facade) rely on. */
export const ACCESS_EXPORTS = [
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
];
