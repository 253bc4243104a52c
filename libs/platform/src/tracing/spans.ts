import {
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { RequestContext } from '../runtime/request-context.js';

// W3C Trace Context: version 00, a 16-byte trace id, an 8-byte span id, flags; all-zero ids are invalid.
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The tracer of the platform's own spans. Without the SDK (tracing off) the API hands out
 * non-recording spans, and the helpers below step aside after one check (ADR 0602).
 */
const tracer = trace.getTracer('mlops-platform');

export { SpanKind, SpanStatusCode };

/** The traceparent of a span, to carry in an event envelope or a job's data. */
export function traceparentOfSpan(span: Span): string | undefined {
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return undefined;
  const flags = (spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** The traceparent of the span in scope, when the SDK is on and one is. */
export function activeTraceparent(): string | undefined {
  const span = trace.getActiveSpan();
  return span === undefined ? undefined : traceparentOfSpan(span);
}

/** A context whose parent is the remote span `traceparent` names; the root one for none or a malformed one. */
export function contextOfTraceparent(traceparent: string | null | undefined): Context {
  const [, traceId, spanId, flags] = TRACEPARENT.exec(traceparent ?? '') ?? [];
  if (traceId === undefined || spanId === undefined || flags === undefined) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: parseInt(flags, 16), isRemote: true });
}

/**
 * The parent of the next span: the OpenTelemetry span in scope, else the trace of the unit of work
 * (a request, job or event handled where no span is active, e.g. a consumer's own loop).
 */
export function parentContext(): Context {
  const active = context.active();
  if (trace.getSpan(active) !== undefined) return active;
  return contextOfTraceparent(RequestContext.current()?.traceparent);
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The remote parent (a carried traceparent); null starts a new trace; absent: the span in scope. */
  readonly parent?: string | null;
}

/**
 * Runs `work` inside a new span, which ends when the work settles and records its error. The work
 * gets the span, or undefined when it does not record (tracing off, or not sampled).
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const parent = options.parent === undefined ? parentContext() : contextOfTraceparent(options.parent);
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
  );
  if (!span.isRecording()) {
    span.end();
    return work(undefined);
  }
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * A span for a message handed on (an event staged in the outbox, a job added to a queue): it ends at
 * once, and the returned traceparent, carried with the message, makes its handling a child of it.
 * Without a recording span, the unit of work's own traceparent is carried, as before tracing.
 */
export function producerTraceparent(name: string, attributes?: Attributes): string | undefined {
  const span = tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes }, parentContext());
  const recorded = span.isRecording() ? traceparentOfSpan(span) : undefined;
  span.end();
  return recorded ?? RequestContext.current()?.traceparent;
}
