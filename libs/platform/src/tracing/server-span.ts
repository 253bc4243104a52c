import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const tracer = trace.getTracer('mlops-platform');

// Probes and scrapes come every few seconds and say nothing about the work: no traces for them.
const UNTRACED_PATHS = ['/health/', '/metrics'];

const serverSpans = new WeakMap<FastifyRequest, Span>();

/**
 * Opens a server span per request in Fastify's hooks (ADR 0602), named `METHOD /route/:param` from
 * the route Fastify matched, as the HTTP semantic conventions ask, and runs the rest of the request
 * in its context. No OpenTelemetry instrumentation supports NestJS 12, and the HTTP
 * instrumentation's server side cost a third of tracing's CPU on a read (ADR 0602): it parses
 * every request's URL into a dozen attributes and binds the request's and response's emitters, so each
 * listener Node and Fastify add runs through the context manager. Register it before any other
 * onRequest hook, so they run in the span. Without the SDK (tracing off) the API's span does not
 * record and the request runs as before.
 */
export function traceServerRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = UNTRACED_PATHS.some((path) => request.url.startsWith(path))
      ? undefined
      : tracer.startSpan(spanName(request), { kind: SpanKind.SERVER }, parent);
    // An unsampled caller's trace still travels on (its flags say so); only with tracing off is the span invalid.
    if (span === undefined || !isSpanContextValid(span.spanContext())) return done();
    // Set once the span records, not given at its start: nothing is built with tracing off or for an
    // unsampled request (it cost ~1.5% of a cached inference's CPU, ADR 0508), and the SDK checks each
    // attribute once rather than twice. No sampler the OTEL_* variables can name reads attributes.
    if (span.isRecording()) span.setAttributes(requestAttributes(request));
    serverSpans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    endServerSpan(request, reply.statusCode);
    done();
  });
  // The client went away before the answer: no status code to record (nor a server error), the span still ends.
  fastify.addHook('onRequestAbort', (request, done) => {
    endServerSpan(request, undefined);
    done();
  });
}

/** The request's server span, for the exemplars of the latency histogram observed after it ends. */
export function serverSpanOf(request: FastifyRequest): Span | undefined {
  return serverSpans.get(request);
}

function spanName(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  return route === undefined ? request.method : `${request.method} ${route}`;
}

/**
 * The stable HTTP server conventions' required attributes and most recommended ones (client.address
 * stands for network.peer.*); no query string (it may hold secrets).
 */
function requestAttributes(request: FastifyRequest): Attributes {
  const query = request.url.indexOf('?');
  const userAgent = request.headers['user-agent'];
  return {
    'http.request.method': request.method,
    'url.path': query === -1 ? request.url : request.url.slice(0, query),
    'url.scheme': request.protocol,
    ...(request.routeOptions.url !== undefined && { 'http.route': request.routeOptions.url }),
    'server.address': request.hostname,
    ...(request.port !== null && { 'server.port': request.port }),
    'network.protocol.version': request.raw.httpVersion,
    'client.address': request.ip,
    ...(userAgent !== undefined && { 'user_agent.original': userAgent }),
  };
}

function endServerSpan(request: FastifyRequest, statusCode: number | undefined): void {
  const span = serverSpans.get(request);
  // Kept after it ends (the exemplar reads it), so a second end (an abort after the answer) is skipped.
  if (span === undefined || !span.isRecording()) return;
  if (statusCode !== undefined) span.setAttribute('http.response.status_code', statusCode);
  if (statusCode !== undefined && statusCode >= 500) {
    span.setAttribute('error.type', String(statusCode));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
