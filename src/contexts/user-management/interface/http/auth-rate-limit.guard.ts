import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CredentialRouteRate } from '../../application/ports/credential-route-rate.js';
import { clientIp } from './client.js';
import { TooManyRequests } from './too-many-requests.js';

/**
 * Requests per address and minute on the unauthenticated credential routes (login, refresh,
 * sign-up), on top of the per-account lock: it bounds how fast one address can guess at all.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly rate: CredentialRouteRate) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = await this.rate.hit(clientIp(request));
    if (retryAfter > 0) throw new TooManyRequests(retryAfter);
    return true;
  }
}
