import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Route config (`@RouteConfig(STREAMED_BODY)`) of the routes that take a streamed upload body. */
export const STREAMED_BODY = { streamedBody: true } as const;

/**
 * Lets bodies of these content types through to the routes marked STREAMED_BODY as the raw
 * request stream: Fastify reads nothing, so the global body limit does not apply and the handler
 * enforces its own while it streams. Other routes refuse the types with 415 before reading them.
 * A type some module registered already is left as it is.
 */
export function acceptStreamedBodies(fastify: FastifyInstance, contentTypes: readonly string[]): void {
  for (const contentType of contentTypes) {
    if (fastify.hasContentTypeParser(contentType)) continue;
    fastify.addContentTypeParser(contentType, (request, payload, done) => {
      const config = request.routeOptions.config as { streamedBody?: boolean } | undefined;
      if (config?.streamedBody) return done(null, payload);
      done(Object.assign(new Error(`${contentType} is accepted only by upload routes`), { statusCode: 415 }));
    });
  }
}

/**
 * The request body as a stream the store may destroy without killing the socket, so a refused
 * upload can still be answered (413, 409). A client that goes away mid-upload fails the stream,
 * so the store never waits for bytes that will not come.
 */
export function streamedBody(request: FastifyRequest): Readable {
  const source = request.raw;
  const body = new PassThrough();
  source.pipe(body);
  source.once('close', () => {
    if (!source.complete) body.destroy(new Error('The client closed the connection before the upload ended'));
  });
  return body;
}

/** After a refused upload the rest of the body is not worth reading: the connection closes once answered. */
export function closeIfUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.raw.complete) void reply.header('connection', 'close');
}

export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}

/** The media type of the body, lower case, without parameters (`text/csv; charset=utf-8` is `text/csv`). */
export function mediaTypeOf(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';')[0].trim().toLowerCase();
}
