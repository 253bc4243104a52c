import type { FastifyRequest } from 'fastify';

/** The request's headers with one value each, as the routing reads its request key from them. */
export function singleValuedHeaders(request: FastifyRequest): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
}
