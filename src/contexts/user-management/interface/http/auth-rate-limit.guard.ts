import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  USER_MANAGEMENT_CONFIG,
  type UserManagementConfig,
} from '../../infrastructure/config/user-management-config.js';
import { RedisRequestRate } from '../../infrastructure/throttling/redis-request-rate.js';
import { clientIp } from './client.js';
import { TooManyRequests } from './too-many-requests.js';

/**
 * Requests per address and minute on the unauthenticated credential routes (login, refresh,
 * sign-up), on top of the per-account lock: it bounds how fast one address can guess at all.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly rate: RedisRequestRate,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = await this.rate.hit('auth', clientIp(request), this.config.authRateLimitPerMinute);
    if (retryAfter > 0) throw new TooManyRequests(retryAfter);
    return true;
  }
}
