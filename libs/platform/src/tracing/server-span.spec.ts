import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import Fastify, { type FastifyInstance } from 'fastify';
import { InMemoryTracing } from '../../../../test/support/tracing/in-memory-tracing.js';
import { serverSpanOf, traceServerRequests } from './server-span.js';
import { activeTraceparent, traceparentOfSpan } from './spans.js';

const traceparentOfEnded = (span: ReadableSpan): string =>
  `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`;

/** A server traced by the platform's hooks; each answer says which traceparent its handler ran in. */
function tracedServer(): FastifyInstance {
  const fastify = Fastify();
  traceServerRequests(fastify);
  fastify.get('/api/v1/projects/:projectId/models', () => ({ inSpan: activeTraceparent() ?? null }));
  fastify.get('/failing', (_request, reply) => reply.code(503).send({ inSpan: activeTraceparent() ?? null }));
  fastify.get('/health/ready', () => ({ inSpan: activeTraceparent() ?? null }));
  return fastify;
}

describe('HTTP server spans with tracing off', () => {
  it('serves the request outside any span', async () => {
    const fastify = tracedServer();
    const answer = await fastify.inject({ url: '/api/v1/projects/p1/models' });
    expect(answer.json()).toEqual({ inSpan: null });
    await fastify.close();
  });
});

describe('HTTP server spans with tracing on (in-memory exporter)', () => {
  const tracing = new InMemoryTracing();
  let fastify: FastifyInstance;
  beforeAll(() => void tracing.start());
  beforeEach(() => {
    tracing.reset();
    fastify = tracedServer();
  });
  afterEach(() => fastify.close());
  afterAll(() => tracing.stop());

  it('names the span by its route, runs the handler in it and ends it with the status code', async () => {
    const answer = await fastify.inject({
      url: '/api/v1/projects/p1/models?page=2',
      headers: { 'user-agent': 'bench/1' },
    });
    const span = tracing.span('GET /api/v1/projects/:projectId/models');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.parentSpanContext).toBeUndefined();
    expect(answer.json()).toEqual({ inSpan: traceparentOfEnded(span) });
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/projects/:projectId/models',
      'url.path': '/api/v1/projects/p1/models',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'user_agent.original': 'bench/1',
    });
    expect(JSON.stringify(span.attributes)).not.toContain('page=2');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks a server error and names an unmatched path by its method only', async () => {
    await fastify.inject({ url: '/failing' });
    const failing = tracing.span('GET /failing');
    expect(failing.status.code).toBe(SpanStatusCode.ERROR);
    expect(failing.attributes['error.type']).toBe('503');

    await fastify.inject({ url: '/nowhere' });
    expect(tracing.span('GET').attributes['http.response.status_code']).toBe(404);
  });

  it('leaves probes untraced and keeps the ended span for the latency exemplar', async () => {
    let exemplarSpan: string | undefined;
    fastify.addHook('onResponse', (request, _reply, done) => {
      const span = serverSpanOf(request);
      exemplarSpan = span && traceparentOfSpan(span);
      done();
    });
    expect((await fastify.inject({ url: '/health/ready' })).json()).toEqual({ inSpan: null });
    expect(tracing.spans).toEqual([]);
    expect(exemplarSpan).toBeUndefined();

    await fastify.inject({ url: '/api/v1/projects/p1/models' });
    expect(exemplarSpan).toBe(traceparentOfEnded(tracing.span('GET /api/v1/projects/:projectId/models')));
  });
});
