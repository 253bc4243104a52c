import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SERVICE_CALL_SETTINGS, type ServiceCallSettings } from './service-call-settings.js';
import {
  SERVICE_CALL_SIGNATURE_HEADER,
  SERVICE_CALL_TIME_HEADER,
  verifyServiceCall,
} from './service-call-signature.js';
import { signedBodyOf } from './signed-body.js';

/**
 * Lets through only calls signed with the installation's shared secret (docs/adr/0704): a user's
 * access token or API key is no credential here, and without a configured secret nothing passes, nor
 * on a route whose body's bytes were not kept (not marked SIGNED_BODY).
 */
@Injectable()
export class ServiceCallGuard implements CanActivate {
  constructor(@Inject(SERVICE_CALL_SETTINGS) private readonly settings: ServiceCallSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { secret, maxSkewMs } = this.settings;
    // The bytes received, not the parsed body written again: JSON text does not survive a round trip.
    const body = signedBodyOf(request);
    const headers = {
      time: single(request.headers[SERVICE_CALL_TIME_HEADER]),
      signature: single(request.headers[SERVICE_CALL_SIGNATURE_HEADER]),
    };
    const accepted =
      secret !== undefined &&
      body !== undefined &&
      verifyServiceCall(secret, { method: request.method, path: request.url, body }, headers, maxSkewMs);
    if (accepted) return true;
    throw new UnauthorizedException({
      slug: 'service-call-refused',
      detail: 'Internal routes take only calls signed by another process of this installation',
    });
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
