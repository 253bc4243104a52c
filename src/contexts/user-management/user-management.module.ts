import { Module, type DynamicModule } from '@nestjs/common';
import type { ContextModuleOptions } from '@libs/platform';
import { ApiKeysController } from './interface/http/api-keys.controller.js';
import { AuditLogController } from './interface/http/audit-log.controller.js';
import { AuthController } from './interface/http/auth.controller.js';
import { BrowserSessionController } from './interface/http/browser-session.controller.js';
import { JwksController } from './interface/http/jwks.controller.js';
import { ProjectsController } from './interface/http/projects.controller.js';
import { UsersController } from './interface/http/users.controller.js';
import { UserManagementAccessModule } from './user-management-access.module.js';
import { ADAPTERS, SERVICES, USE_CASES } from './user-management.providers.js';

const CONTROLLERS = [
  AuthController,
  BrowserSessionController,
  UsersController,
  ProjectsController,
  ApiKeysController,
  AuditLogController,
  JwksController,
];

/** The user-management context: users, credentials, sessions, roles, projects and memberships, API keys, audit log. */
@Module({})
export class UserManagementModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: UserManagementModule,
      controllers: options.http ? CONTROLLERS : [],
      providers: [...ADAPTERS, ...SERVICES, ...USE_CASES],
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
