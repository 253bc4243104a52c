import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdminHandler } from '../../application/bootstrap-admin/bootstrap-admin.handler.js';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';
import { SigningKeyRing } from '../tokens/signing-key-ring.js';

/**
 * On start: make sure a signing key exists (so /.well-known/jwks.json is never empty) and
 * create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet.
 */
@Injectable()
export class UserManagementStartUp implements OnApplicationBootstrap {
  private readonly logger = new Logger(UserManagementStartUp.name);

  constructor(
    private readonly ring: SigningKeyRing,
    private readonly firstAdmin: BootstrapAdminHandler,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ring.signingKey();
    if (!this.config.admin) return;
    const { email, password } = this.config.admin;
    const outcome = await this.firstAdmin.execute({ email, password });
    if (outcome === 'created') this.logger.log(`Created the first admin ${this.config.admin.email}`);
  }
}
