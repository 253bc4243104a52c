import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import type { ContextModuleOptions } from '@libs/platform';
import { BootstrapAdminHandler } from './application/bootstrap-admin/bootstrap-admin.handler.js';
import { ChangeEmailHandler } from './application/change-email/change-email.handler.js';
import { ChangePasswordHandler } from './application/change-password/change-password.handler.js';
import { CurrentPassword } from './application/change-password/current-password.js';
import { CreateApiKeyHandler } from './application/create-api-key/create-api-key.handler.js';
import { CreateProjectHandler } from './application/create-project/create-project.handler.js';
import { CreateServiceAccountHandler } from './application/create-service-account/create-service-account.handler.js';
import { ListApiKeysHandler } from './application/list-api-keys/list-api-keys.handler.js';
import { ListAuditEntriesHandler } from './application/list-audit-entries/list-audit-entries.handler.js';
import { ListProjectsHandler } from './application/list-projects/list-projects.handler.js';
import { ListSessionsHandler } from './application/list-sessions/list-sessions.handler.js';
import { ListUsersHandler } from './application/list-users/list-users.handler.js';
import { LogInHandler } from './application/log-in/log-in.handler.js';
import { LogOutHandler } from './application/log-out/log-out.handler.js';
import { AccessTokenIssuer } from './application/ports/access-tokens.js';
import { AuthSettings } from './application/ports/auth-settings.js';
import { CredentialRouteRate } from './application/ports/credential-route-rate.js';
import { JsonWebKeySet } from './application/ports/json-web-key-set.js';
import { RefreshSessionHandler } from './application/refresh-session/refresh-session.handler.js';
import { RegisterUserHandler } from './application/register-user/register-user.handler.js';
import { RevokeApiKeyHandler } from './application/revoke-api-key/revoke-api-key.handler.js';
import { RevokeSessionHandler } from './application/revoke-sessions/revoke-session.handler.js';
import { SessionTermination } from './application/revoke-sessions/session-termination.js';
import { SetProjectMemberHandler } from './application/set-project-member/set-project-member.handler.js';
import { SetUserStatusHandler } from './application/set-user-status/set-user-status.handler.js';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler.js';
import { AuditLog } from './domain/audit/audit-entry.js';
import { ProjectRepository } from './domain/projects/project.repository.js';
import { LoginAttempts } from './domain/sessions/login-attempts.js';
import { RefreshTokenFamilyRepository } from './domain/sessions/refresh-token-family.repository.js';
import { CommonPasswords } from './domain/users/common-passwords.js';
import { PasswordHasher } from './domain/users/password-hasher.js';
import { UserRepository } from './domain/users/user.repository.js';
import { authSettingsFrom } from './infrastructure/config/auth-settings.from-config.js';
import { readUserManagementConfig, USER_MANAGEMENT_CONFIG } from './infrastructure/config/user-management-config.js';
import { BcryptPasswordHasher } from './infrastructure/passwords/bcrypt-password-hasher.js';
import { ListedCommonPasswords } from './infrastructure/passwords/listed-common-passwords.js';
import { TypeOrmAuditLog } from './infrastructure/persistence/typeorm-audit-log.js';
import { TypeOrmProjectRepository } from './infrastructure/persistence/typeorm-project.repository.js';
import { TypeOrmRefreshTokenFamilyRepository } from './infrastructure/persistence/typeorm-refresh-token-family.repository.js';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user.repository.js';
import { UserManagementStartUp } from './infrastructure/start-up/user-management-start-up.js';
import { RedisLoginAttempts } from './infrastructure/throttling/redis-login-attempts.js';
import { RedisCredentialRouteRate } from './infrastructure/throttling/redis-credential-route-rate.js';
import { RedisRequestRate } from './infrastructure/throttling/redis-request-rate.js';
import { JoseAccessTokenIssuer } from './infrastructure/tokens/jose-access-token-issuer.js';
import { PublicKeySet } from './infrastructure/tokens/public-key-set.js';
import { SigningKeyRing } from './infrastructure/tokens/signing-key-ring.js';
import { ApiKeysController } from './interface/http/api-keys.controller.js';
import { AuditLogController } from './interface/http/audit-log.controller.js';
import { AuthRateLimitGuard } from './interface/http/auth-rate-limit.guard.js';
import { AuthController } from './interface/http/auth.controller.js';
import { JwksController } from './interface/http/jwks.controller.js';
import { ProjectsController } from './interface/http/projects.controller.js';
import { UsersController } from './interface/http/users.controller.js';
import { UserManagementAccessModule } from './user-management-access.module.js';

const USE_CASES: Type[] = [
  BootstrapAdminHandler,
  ChangeEmailHandler,
  ChangePasswordHandler,
  CurrentPassword,
  CreateApiKeyHandler,
  CreateProjectHandler,
  CreateServiceAccountHandler,
  ListApiKeysHandler,
  ListAuditEntriesHandler,
  ListProjectsHandler,
  ListSessionsHandler,
  ListUsersHandler,
  LogInHandler,
  LogOutHandler,
  RefreshSessionHandler,
  RegisterUserHandler,
  RevokeApiKeyHandler,
  RevokeSessionHandler,
  SessionTermination,
  SetProjectMemberHandler,
  SetUserStatusHandler,
  UpdateProfileHandler,
];

const ADAPTERS: Provider[] = [
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

/** The user-management context: users, credentials, sessions, roles, projects and memberships, API keys, audit log. */
@Module({})
export class UserManagementModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: UserManagementModule,
      controllers: options.http
        ? [AuthController, UsersController, ProjectsController, ApiKeysController, AuditLogController, JwksController]
        : [],
      providers: [...ADAPTERS, ...USE_CASES],
    };
  }

  /**
   * The global authentication guard and what it needs; the composition root adds it to every
   * process that serves HTTP, including those that do not host this context.
   */
  static access(): DynamicModule {
    return UserManagementAccessModule.register();
  }
}
