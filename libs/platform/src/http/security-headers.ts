import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/**
 * The policy of every response: nothing it holds may load, run, be framed or post anywhere. The
 * Swagger UI page loosens it for itself (openapi/docs-content-security-policy.ts).
 */
const API_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Helmet's headers, worked out once: the policy is the same for every response, and building
 * helmet's middleware per request (as @fastify/helmet did) cost ~4% of a cached inference
 * request's CPU in the prediction bench (docs/adr/0508).
 */
function helmetHeaders(): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    strictTransportSecurity: false,
  })(response.req, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * Helmet's headers with a content security policy on every route; HSTS only on responses to
 * HTTPS requests (a browser ignores it over HTTP, and `request.protocol` believes
 * X-Forwarded-Proto only from a trusted proxy); `Cache-Control: no-store` on every response that
 * sets no cache policy of its own, so tokens, keys and other secrets never land in a cache.
 */
export function applySecurityHeaders(app: NestFastifyApplication): void {
  const headers = helmetHeaders();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
