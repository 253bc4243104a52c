import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { RequestContext } from '@libs/platform';
import { apiKeyDigest, presentedCredential, PRINCIPAL_PROPERTY, type Principal } from '@contexts/user-management';
import { AdmitRequestHandler } from '../../application/admit-request/admit-request.handler.js';
import { RateLimitedRequest } from '../../application/admit-request/rate-limited-request.js';
import { deploymentOf, type Caller } from '../../domain/rate-limits/rate-limit-subjects.js';
import { rateLimitHeaders } from './rate-limit-headers.js';

type AuthenticatedRequest = FastifyRequest & { [PRINCIPAL_PROPERTY]?: Principal };

/**
 * The gateway's rate limits, on every route of every process that hosts api-gateway. An
 * interceptor runs after the guards, so it knows who calls and which project they address;
 * requests without a principal (public routes, login with its own throttling) are not counted.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(private readonly admit: AdmitRequestHandler) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request[PRINCIPAL_PROPERTY];
    if (!principal) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const projectId = RequestContext.current()?.projectId ?? principal.apiKey?.projectId;
    try {
      const admission = await this.admit.execute({
        principal: callerOf(principal, request),
        projectId,
        route,
        deploymentId: deploymentOf(params, projectId),
        body: request.body,
      });
      void reply.headers(rateLimitHeaders(admission));
    } catch (error) {
      if (error instanceof RateLimitedRequest) void reply.headers(rateLimitHeaders(error.admission));
      throw error;
    }
    return next.handle();
  }
}

/** An API key is counted by the hash of its secret, as a gateway forwarding the request counts it. */
function callerOf(principal: Principal, request: FastifyRequest): Caller {
  const credential = presentedCredential(request);
  if (principal.kind === 'api-key' && typeof credential === 'string') {
    return { kind: 'api-key', userId: principal.userId, apiKeyId: apiKeyDigest(credential) };
  }
  return { kind: principal.kind, userId: principal.userId, apiKeyId: principal.apiKey?.id };
}
