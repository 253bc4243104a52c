import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const OCTET_STREAM = 'application/octet-stream';

/** Route config (`@RouteConfig(STREAMED_BODY)`) of the routes that take a streamed octet-stream body. */
export const STREAMED_BODY = { streamedBody: true } as const;

/**
 * Lets `application/octet-stream` bodies through to the routes marked STREAMED_BODY as the raw
 * request stream: Fastify reads nothing, so the global body limit does not apply and the handler
 * enforces its own while it streams. Other routes refuse the type with 415 before reading it.
 */
@Injectable()
export class OctetStreamBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(OCTET_STREAM)) return;
    fastify.addContentTypeParser(OCTET_STREAM, (request, payload, done) => {
      const config = request.routeOptions.config as { streamedBody?: boolean } | undefined;
      if (config?.streamedBody) return done(null, payload);
      done(Object.assign(new Error(`${OCTET_STREAM} is accepted only by upload routes`), { statusCode: 415 }));
    });
  }
}
