import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  Controller,
  createParamDecorator,
  HttpCode,
  Injectable,
  Post,
  UseGuards,
  UseInterceptors,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { DomainError } from '@libs/ddd';
import { Public } from '../http/public.decorator.js';
import { encodeFacadeValue, reviveDates } from './facade-json.js';
import { FACADE_ROUTE_PREFIX } from './facade-transport.js';
import { ServiceCallGuard } from './service-call.guard.js';
import { SIGNED_BODY } from './signed-body.js';

/** The owner's facade answered undefined ("there is none"): 404, which the HTTP binding reads back as undefined. */
export class FacadeResultAbsent extends DomainError {
  readonly type = FACADE_RESULT_ABSENT;
  readonly kind = 'not-found';
}

export const FACADE_RESULT_ABSENT = 'facade-result-absent';

/** Writes a facade method's result as facade JSON (dates kept), or answers 404 for undefined. */
@Injectable()
class FacadeAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result === undefined) throw new FacadeResultAbsent('The owner has no such thing');
        void reply.header('content-type', 'application/json; charset=utf-8');
        return encodeFacadeValue(result);
      }),
    );
  }
}

/**
 * The internal routes of a context's facade (docs/adr/0704): `POST /api/v1/internal/facades/<context>/<operation>`,
 * in no OpenAPI document (so no gateway forwards them), past the user guard and behind the service-call signature.
 */
export const InternalFacadeController = (context: string): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    Public(),
    UseGuards(ServiceCallGuard),
    UseInterceptors(FacadeAnswerInterceptor),
    Controller(`${FACADE_ROUTE_PREFIX}/${context}`),
  );

/** One facade method; the route's last segment is `operation`; its body's bytes are kept for the signature check. */
export const FacadeOperation = (operation: string): MethodDecorator =>
  applyDecorators(Post(operation), HttpCode(200), RouteConfig(SIGNED_BODY));

/** The method's arguments, in order, dates revived; a body that is no list of arguments is 400. */
export const FacadeArguments = createParamDecorator((_: unknown, context: ExecutionContext): unknown[] => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (!Array.isArray(body))
    throw new BadRequestException({ slug: 'validation-failed', detail: 'The body must be the list of arguments' });
  return reviveDates(body) as unknown[];
});
