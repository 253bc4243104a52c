import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PLATFORM_CONFIG, sendProblem, type PlatformConfig } from '@libs/platform';
import { AdmitRequestHandler } from '../../application/admit-request/admit-request.handler.js';
import { RateLimitedRequest } from '../../application/admit-request/rate-limited-request.js';
import { deploymentOf } from '../../domain/rate-limits/rate-limit-subjects.js';
import { costDependsOnBody } from '../../domain/rate-limits/request-cost.js';
import { PresentedCaller } from '../callers/presented-caller.js';
import { ForwardAdmission, type ForwardPermit } from '../routing/forward-admission.js';
import { ForwardingHook } from '../routing/forwarding-hook.js';
import type { ForwardedRoute } from '../routing/upstream-directory.js';
import { BodyTooLarge, readBodyUpTo } from './bounded-body.js';
import { rateLimitHeaders } from '../../interface/http/rate-limit-headers.js';

const API_GATEWAY = 'api-gateway';

/**
 * The rate limits of requests this process forwards (ADR 0701), through the same use case as the
 * interceptor and with the same headers, 429 and 503 (Redis down): the interceptor runs only on
 * routes a process serves itself. The route, its parameters and the caller are known here without
 * the instance serving the route; the body is read first on the prediction routes only, to count
 * the rows of a batch, and then forwarded as read. A route whose instances all host api-gateway is
 * left to them, so no request is counted twice.
 */
@Injectable()
export class ForwardedRequestLimits extends ForwardAdmission implements OnModuleInit {
  constructor(
    private readonly admission: AdmitRequestHandler,
    private readonly callers: PresentedCaller,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Optional() private readonly hook?: ForwardingHook,
  ) {
    super();
  }

  onModuleInit(): void {
    this.hook?.admitWith(this);
  }

  async admit(request: FastifyRequest, reply: FastifyReply, route: ForwardedRoute): Promise<ForwardPermit | undefined> {
    const { candidates, template, params } = route;
    if (candidates.length > 0 && candidates.every((upstream) => upstream.instance.contexts.includes(API_GATEWAY))) {
      return {};
    }
    try {
      const caller = await this.callers.of(request.headers);
      if (caller === undefined) return {};
      const body = costDependsOnBody(template)
        ? await readBodyUpTo(request.raw, this.config.bodyLimitBytes)
        : undefined;
      const projectId = params.projectId;
      const uses = await this.admission
        .execute({
          principal: caller,
          projectId,
          route: template,
          deploymentId: deploymentOf(params, projectId),
          body: parsedJson(body),
        })
        .catch((error: unknown) => {
          if (error instanceof RateLimitedRequest) void reply.headers(rateLimitHeaders(error.admission));
          throw error;
        });
      void reply.headers(rateLimitHeaders(uses));
      return { body };
    } catch (error) {
      if (error instanceof BodyTooLarge) void reply.header('connection', 'close');
      sendProblem(error, request, reply);
      return undefined;
    }
  }
}

// A body that is not JSON costs one row: the instance refuses it with 400 after the budget is taken.
function parsedJson(body: Buffer | undefined): unknown {
  if (body === undefined || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
