import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemoryTracing, isChildOf } from '../../../../test/support/tracing/in-memory-tracing.js';
import { carriedContext, runInJobContext } from '../runtime/job-context.js';
import { RequestContext } from '../runtime/request-context.js';
import { activeTraceparent, contextOfTraceparent, inSpan, producerTraceparent } from './spans.js';

const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const JOB = { id: '7', name: 'http', queueName: 'workflow-engine.tasks' };
const inRequest = <T>(work: () => T): T =>
  RequestContext.run({ requestId: 'r1', correlationId: 'c1', traceparent: CALLER }, work);

// Without the SDK (the default: the preload did not start it) the API's spans are no-ops.
describe('platform spans with tracing off', () => {
  it('runs the work without a span and carries the unit of work’s own trace, as before tracing', async () => {
    expect(await inSpan('work', {}, (span) => Promise.resolve(span))).toBeUndefined();
    expect(inRequest(() => producerTraceparent('publish x'))).toBe(CALLER);
    const carried = inRequest(() => carriedContext(JOB.queueName, JOB.name));
    expect(carried).toEqual({ correlationId: 'c1', traceparent: CALLER });
    const inJob = await runInJobContext(JOB, carried, () => Promise.resolve(RequestContext.current()?.traceparent));
    // A child of the carried span in the same trace, the job's own span id.
    expect(inJob).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(inJob).not.toBe(CALLER);
  });
});

describe('platform spans with tracing on (in-memory exporter)', () => {
  const tracing = new InMemoryTracing();
  beforeAll(() => void tracing.start());
  beforeEach(() => tracing.reset());
  afterAll(() => tracing.stop());

  it('parents the processing of a job on the span that added it, under the request that did', async () => {
    const carried = await inRequest(() =>
      inSpan('POST /runs', { kind: SpanKind.SERVER }, () => Promise.resolve(carriedContext(JOB.queueName, JOB.name))),
    );
    const seen = await runInJobContext(JOB, carried, () =>
      Promise.resolve({
        logged: RequestContext.current()?.traceparent,
        active: activeTraceparent(),
        correlationId: RequestContext.current()?.correlationId,
      }),
    );

    const request = tracing.span('POST /runs');
    const send = tracing.span('send workflow-engine.tasks');
    const processing = tracing.span('process workflow-engine.tasks');
    expect(request.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(request.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(isChildOf(send, request)).toBe(true);
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(isChildOf(processing, send)).toBe(true);
    expect(processing.kind).toBe(SpanKind.CONSUMER);
    expect(processing.attributes).toMatchObject({ 'messaging.system': 'bullmq', 'messaging.message.id': '7' });
    // The job's logs and the events it publishes name its processing span.
    const processingParent = `00-${processing.spanContext().traceId}-${processing.spanContext().spanId}-01`;
    expect(seen).toEqual({ logged: processingParent, active: processingParent, correlationId: 'c1' });
  });

  it('starts a new trace for a job that carried none', async () => {
    await runInJobContext(JOB, undefined, () => Promise.resolve());
    expect(tracing.span('process workflow-engine.tasks').parentSpanContext).toBeUndefined();
  });

  it('records the error of work that throws, and rethrows it', async () => {
    await expect(inSpan('failing', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(tracing.span('failing').status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(tracing.span('failing').events.map((event) => event.name)).toEqual(['exception']);
  });

  it('takes a malformed traceparent for none', () => {
    for (const malformed of [
      null,
      undefined,
      '',
      'garbage',
      CALLER.toUpperCase(),
      `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
    ]) {
      expect(trace.getSpan(contextOfTraceparent(malformed))).toBeUndefined();
    }
    expect(trace.getSpanContext(contextOfTraceparent(CALLER))).toMatchObject({
      spanId: '00f067aa0ba902b7',
      isRemote: true,
    });
  });
});
