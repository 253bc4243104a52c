import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../domain/users/user.repository.js';
import { UserRegistration } from '../services/user-registration.js';
import type { BootstrapAdminCommand, BootstrapOutcome } from './bootstrap-admin.command.js';

/**
 * The first administrator (from ADMIN_EMAIL/ADMIN_PASSWORD or `npm run admin:create`). Does
 * nothing once any admin exists, so restarts and several instances starting together are safe:
 * a second insert of the same email fails on the unique index.
 */
@Injectable()
export class BootstrapAdminHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly registration: UserRegistration,
  ) {}

  async execute(command: BootstrapAdminCommand): Promise<BootstrapOutcome> {
    if ((await this.users.countAdmins()) > 0) return 'admin-exists';
    await this.registration.register({
      email: command.email,
      password: command.password,
      displayName: command.displayName ?? 'Administrator',
      invitedBy: null,
      ip: null,
      isAdmin: true,
      bootstrap: true,
    });
    return 'created';
  }
}
