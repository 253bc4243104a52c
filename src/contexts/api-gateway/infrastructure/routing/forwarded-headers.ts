import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '@libs/platform';

/** Set on every forwarded request: a process never forwards a request that was forwarded to it. */
export const FORWARDED_BY_HEADER = 'x-gateway-forwarded-by';

// RFC 9110 section 7.6.1: these describe one connection, not the message, so they stop at each hop.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** The headers of a message without its hop-by-hop ones (the fixed list and those `Connection` names). */
export function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * What the upstream instance is sent: the client's end-to-end headers, the request id and trace
 * context of this request (so its logs and spans join the same request and trace), and the
 * X-Forwarded-* trio (believed there only from TRUSTED_PROXIES).
 */
export function upstreamHeaders(request: FastifyRequest, instanceId: string): Record<string, string | string[]> {
  const headers = endToEndHeaders(request.headers);
  const context = RequestContext.current();
  const forwardedFor = request.headers['x-forwarded-for'];
  headers['x-request-id'] = request.id;
  if (context?.traceparent !== undefined) headers.traceparent = context.traceparent;
  if (context?.correlationId !== undefined) headers['x-correlation-id'] = context.correlationId;
  headers['x-forwarded-for'] = forwardedFor === undefined ? request.ip : `${String(forwardedFor)}, ${request.ip}`;
  headers['x-forwarded-proto'] = request.protocol;
  headers['x-forwarded-host'] = request.host;
  headers[FORWARDED_BY_HEADER] = instanceId;
  return headers;
}
