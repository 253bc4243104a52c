import type { FastifyRequest } from 'fastify';

/** The request's headers with one value each, as the routing reads its request key from them. */
export function singleValuedHeaders(request: FastifyRequest): Record<string, string | undefined> {
  // A loop rather than entries/map/fromEntries: this runs on every inference request.
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
  return headers;
}
