import { Inject, Injectable } from '@nestjs/common';
import { CredentialRouteRate } from '../../application/ports/credential-route-rate.js';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';
import { RedisRequestRate } from './redis-request-rate.js';

/** The credential routes' budget: one `auth` bucket per address, at the configured requests per minute. */
@Injectable()
export class RedisCredentialRouteRate extends CredentialRouteRate {
  constructor(
    private readonly rate: RedisRequestRate,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
  ) {
    super();
  }

  hit(client: string): Promise<number> {
    return this.rate.hit('auth', client, this.config.authRateLimitPerMinute);
  }
}
