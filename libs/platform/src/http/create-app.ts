import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { newId } from '@libs/ddd';
import type { PlatformConfig } from '../config/platform-config.js';
import { NestLogger } from '../logging/nest-logger.js';
import { RequestLogController } from '../logging/request-log-controller.js';
import { setupOpenApi } from '../openapi/setup-openapi.js';
import { RequestContext } from '../runtime/request-context.js';
import { refuseUnsafeValues } from './refuse-unsafe-values.js';
import { applySecurityHeaders } from './security-headers.js';
import { serveConsole } from './serve-console.js';
import { answerClientError, answerFrameworkError, problemsOnly } from './server-errors.js';
import { createValidationPipe } from './validation.pipe.js';
import { traceparentOf } from '../runtime/trace-context.js';
import { keepSignedBodies } from '../service-calls/signed-body.js';
import { traceServerRequests } from '../tracing/server-span.js';
import { activeTraceparent } from '../tracing/spans.js';

export const API_PREFIX = 'api/v1';

/** Builds the Fastify-backed Nest application with every global concern of ARCHITECTURE section 5. */
export async function createApp(
  rootModule: Type | DynamicModule,
  config: PlatformConfig,
  logger: Logger,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // X-Forwarded-* are believed only from the configured proxies: the login throttle limits by address.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: new NestLogger(logger),
    bufferLogs: true,
    abortOnError: false,
    // Fastify's own JSON parser only: no form or text bodies, which browsers send cross-site unasked.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  // First: the hooks after it run in the request's server span when tracing is on.
  traceServerRequests(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const correlationId = headerValue(request.headers['x-correlation-id']) ?? request.id;
    // Every request is in a trace: the caller's, or one it starts (W3C Trace Context). With tracing
    // on, it is the request's server span.
    const traceparent = activeTraceparent() ?? traceparentOf(headerValue(request.headers.traceparent));
    RequestContext.run({ requestId: request.id, correlationId, traceparent }, done);
  });

  applySecurityHeaders(app);
  refuseUnsafeValues(fastify);
  keepSignedBodies(fastify);
  problemsOnly(fastify);
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: true,
  });
  app.useGlobalPipes(createValidationPipe());
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
      { path: '.well-known/{*path}', method: RequestMethod.ALL },
      // The Open Inference Protocol's fixed paths, which KServe and Triton clients call as they are.
      { path: 'v2', method: RequestMethod.ALL },
      { path: 'v2/{*path}', method: RequestMethod.ALL },
    ],
  });
  app.enableShutdownHooks();
  setupOpenApi(app, config.contexts);
  await serveConsole(app, config.consoleDir);
  return app;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
