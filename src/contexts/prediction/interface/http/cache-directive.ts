import type { FastifyRequest } from 'fastify';

/**
 * Whether the caller lets the response cache answer: not with `Cache-Control: no-cache` (or
 * `no-store`), as HTTP caches read it, nor with the protocol's `parameters: { "cache": false }`.
 */
export function cacheAllowed(request: FastifyRequest, parameters?: object): boolean {
  const control = request.headers['cache-control'];
  const directives = (Array.isArray(control) ? control.join(',') : (control ?? '')).toLowerCase();
  if (/(^|[\s,])no-(cache|store)([\s,=]|$)/.test(directives)) return false;
  return (parameters as { cache?: unknown } | undefined)?.cache !== false;
}
