import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Route config (`@RouteConfig(SIGNED_BODY)`) of the routes whose body a signature covers: the internal facade routes. */
export const SIGNED_BODY = { signedBody: true } as const;

const receivedBodies = new WeakMap<FastifyRequest, Buffer>();

/**
 * Keeps the bytes of the body as received on the routes marked SIGNED_BODY, beside the JSON that
 * Fastify parses from them as on any route: a signature is checked over what was sent, which the
 * parsed body written again is not (`-0`, numbers past 17 digits, key order, spaces). Other routes
 * keep no copy.
 */
export function keepSignedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const config = request.routeOptions.config as { signedBody?: boolean } | undefined;
    if (!config?.signedBody) return done(null, payload);
    // A request without a body is never read: it was sent empty.
    receivedBodies.set(request, Buffer.alloc(0));
    const chunks: Buffer[] = [];
    const copy = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        chunks.push(chunk);
        next(null, chunk);
      },
      flush(next) {
        receivedBodies.set(request, Buffer.concat(chunks));
        next();
      },
    });
    payload.once('error', (error) => copy.destroy(error));
    done(null, payload.pipe(copy));
  });
}

/** The body's bytes as received; undefined on a route not marked SIGNED_BODY. */
export function signedBodyOf(request: FastifyRequest): Buffer | undefined {
  return receivedBodies.get(request);
}
