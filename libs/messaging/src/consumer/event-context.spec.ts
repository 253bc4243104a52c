import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SpanKind } from '@opentelemetry/api';
import { inSpan, producerTraceparent, RequestContext } from '@libs/platform';
import { InMemoryTracing, isChildOf } from '../../../../test/support/tracing/in-memory-tracing.js';
import type { EventEnvelope } from '../envelope.js';
import { runInEventContext } from './event-context.js';

const envelope = (traceparent: string | null): EventEnvelope => ({
  id: '0193f7a2-0000-7000-8000-000000000001',
  type: 'workflow-engine.workflow-run.started.v1',
  source: 'workflow-engine',
  occurredAt: new Date(0).toISOString(),
  aggregateId: 'run-1',
  aggregateVersion: 1,
  correlationId: 'c1',
  causationId: null,
  traceparent,
  actor: 'user-1',
  payload: {},
});

describe('event hops with tracing on (in-memory exporter)', () => {
  const tracing = new InMemoryTracing();
  beforeAll(() => void tracing.start());
  beforeEach(() => tracing.reset());
  afterAll(() => tracing.stop());

  it('consumes an event as the child of the span that published it, in the same trace', async () => {
    const traceparent = await RequestContext.run({ requestId: 'r1', correlationId: 'c1' }, () =>
      inSpan('POST /runs', { kind: SpanKind.SERVER }, () =>
        Promise.resolve(producerTraceparent(`publish ${envelope(null).type}`)),
      ),
    );
    const event = envelope(traceparent ?? null);
    const seen = await runInEventContext(event, () => Promise.resolve(RequestContext.current()));

    const publish = tracing.span('publish workflow-engine.workflow-run.started.v1');
    const consume = tracing.span('consume workflow-engine.workflow-run.started.v1');
    expect(isChildOf(publish, tracing.span('POST /runs'))).toBe(true);
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(traceparent).toBe(`00-${publish.spanContext().traceId}-${publish.spanContext().spanId}-01`);
    expect(isChildOf(consume, publish)).toBe(true);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(consume.attributes).toMatchObject({ 'messaging.message.id': event.id, 'event.type': event.type });
    // What the handler publishes in turn names the consume span, for the next hop.
    expect(seen).toMatchObject({
      causationId: event.id,
      correlationId: 'c1',
      actor: 'user-1',
      traceparent: `00-${consume.spanContext().traceId}-${consume.spanContext().spanId}-01`,
    });
  });

  it('starts a new trace for an event published outside any trace', async () => {
    await runInEventContext(envelope(null), () => Promise.resolve());
    expect(tracing.span('consume workflow-engine.workflow-run.started.v1').parentSpanContext).toBeUndefined();
  });
});
