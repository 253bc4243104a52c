import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
 * Helmet's headers with a content security policy on every route; HSTS only on responses to
 * HTTPS requests (a browser ignores it over HTTP, and `request.protocol` believes
 * X-Forwarded-Proto only from a trusted proxy); `Cache-Control: no-store` on every response that
 * sets no cache policy of its own, so tokens, keys and other secrets never land in a cache.
 */
export async function applySecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    strictTransportSecurity: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
