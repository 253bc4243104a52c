import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../domain/users/user.repository.js';
import { RegisterUserHandler } from '../register-user/register-user.handler.js';

export type BootstrapOutcome = 'created' | 'admin-exists';

/**
 * The first administrator (from ADMIN_EMAIL/ADMIN_PASSWORD or `npm run admin:create`). Does
 * nothing once any admin exists, so restarts and several instances starting together are safe:
 * a second insert of the same email fails on the unique index.
 */
@Injectable()
export class BootstrapAdminHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly register: RegisterUserHandler,
  ) {}

  async execute(email: string, password: string, displayName = 'Administrator'): Promise<BootstrapOutcome> {
    if ((await this.users.countAdmins()) > 0) return 'admin-exists';
    await this.register.execute({
      email,
      password,
      displayName,
      invitedBy: null,
      ip: null,
      isAdmin: true,
      bootstrap: true,
    });
    return 'created';
  }
}
