import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SERVICE_CALL_SETTINGS, type ServiceCallSettings } from './service-call-settings.js';
import {
  SERVICE_CALL_SIGNATURE_HEADER,
  SERVICE_CALL_TIME_HEADER,
  verifyServiceCall,
} from './service-call-signature.js';

/**
 * Lets through only calls signed with the installation's shared secret (docs/adr/0704): a user's
 * access token or API key is no credential here, and without a configured secret nothing passes.
 */
@Injectable()
export class ServiceCallGuard implements CanActivate {
  constructor(@Inject(SERVICE_CALL_SETTINGS) private readonly settings: ServiceCallSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { secret, maxSkewMs } = this.settings;
    // The parsed body serialised again is the sender's text: both sides write it with JSON.stringify.
    const signed = { method: request.method, path: request.url, body: JSON.stringify(request.body ?? null) };
    const headers = {
      time: single(request.headers[SERVICE_CALL_TIME_HEADER]),
      signature: single(request.headers[SERVICE_CALL_SIGNATURE_HEADER]),
    };
    if (secret !== undefined && verifyServiceCall(secret, signed, headers, maxSkewMs)) return true;
    throw new UnauthorizedException({
      slug: 'service-call-refused',
      detail: 'Internal routes take only calls signed by another process of this installation',
    });
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
