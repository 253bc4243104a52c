import { trace } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import { traceparentOfSpan } from './spans.js';

/**
 * Names the HTTP server span in scope (opened by the HTTP instrumentation, which knows no routes)
 * `METHOD /route/{template}`, as the semantic conventions ask, and returns its traceparent.
 * No OpenTelemetry instrumentation supports NestJS 12; Fastify has matched the route by onRequest.
 */
export function nameServerSpan(request: FastifyRequest): string | undefined {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return undefined;
  const route = request.routeOptions.url;
  if (route !== undefined) {
    span.updateName(`${request.method} ${route}`);
    span.setAttribute('http.route', route);
  }
  return traceparentOfSpan(span);
}
