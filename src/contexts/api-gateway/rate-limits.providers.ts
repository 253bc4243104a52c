import type { Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { ContextModuleOptions } from '@libs/platform';
import { AdmitRequestHandler } from './application/admit-request/admit-request.handler.js';
import { GetProjectRateLimitsHandler } from './application/get-project-rate-limits/get-project-rate-limits.handler.js';
import { ProjectRateLimitPolicies } from './application/ports/project-rate-limit-policies.js';
import { RateLimitSettings } from './application/ports/rate-limit-settings.js';
import { RateLimiter } from './application/ports/rate-limiter.js';
import { SetProjectRateLimitsHandler } from './application/set-project-rate-limits/set-project-rate-limits.handler.js';
import { ProjectRateLimitRepository } from './domain/rate-limits/project-rate-limit.repository.js';
import { RATE_LIMIT_CONFIG, RateLimitConfig } from './infrastructure/config/rate-limit-config.js';
import { CachedProjectRateLimitPolicies } from './infrastructure/rate-limits/cached-project-rate-limit-policies.js';
import { PostgresProjectRateLimitRepository } from './infrastructure/rate-limits/postgres-project-rate-limit.repository.js';
import { RedisSlidingWindowRateLimiter } from './infrastructure/rate-limits/redis-sliding-window-rate-limiter.js';
import { AccessTokenReader } from './infrastructure/callers/access-token-reader.js';
import { JwksAccessTokenReader } from './infrastructure/callers/jwks-access-token-reader.js';
import { PresentedCaller } from './infrastructure/callers/presented-caller.js';
import { ForwardedRequestLimits } from './infrastructure/rate-limits/forwarded-request-limits.js';
import { ProjectRateLimitsController } from './interface/http/project-rate-limits.controller.js';
import { RateLimitInterceptor } from './interface/http/rate-limit.interceptor.js';

/** Rate limits (ADR 0701): the routes of projects' own limits, where HTTP is served. */
export const RATE_LIMIT_CONTROLLERS: Type[] = [ProjectRateLimitsController];

/**
 * Their ports and use cases in every role; where HTTP is served, the interceptor (routes served
 * here) and the check of forwarded requests (routes served elsewhere), as that is all they limit.
 */
export function rateLimitProviders(options: ContextModuleOptions): Provider[] {
  return [
    { provide: RATE_LIMIT_CONFIG, useFactory: () => RateLimitConfig.fromEnv(process.env) },
    { provide: RateLimitSettings, useExisting: RATE_LIMIT_CONFIG },
    { provide: RateLimiter, useClass: RedisSlidingWindowRateLimiter },
    { provide: ProjectRateLimitRepository, useClass: PostgresProjectRateLimitRepository },
    { provide: ProjectRateLimitPolicies, useClass: CachedProjectRateLimitPolicies },
    AdmitRequestHandler,
    GetProjectRateLimitsHandler,
    SetProjectRateLimitsHandler,
    ...(options.http
      ? [
          { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
          { provide: AccessTokenReader, useClass: JwksAccessTokenReader },
          PresentedCaller,
          ForwardedRequestLimits,
        ]
      : []),
  ];
}
