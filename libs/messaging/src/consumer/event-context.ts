import { inSpan, RequestContext, SpanKind, traceparentOfSpan } from '@libs/platform';
import type { EventEnvelope } from '../envelope.js';

/**
 * Runs `work` as the handling of `event`: its correlation, trace and actor carry on into what the
 * work writes and publishes, and the event is the cause. Handlers of a whole batch use it per event.
 * With tracing on, the handling is a consumer span, child of the span that published the event.
 */
export function runInEventContext<T>(event: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const attributes = {
    'messaging.system': 'redis-streams',
    'messaging.operation.type': 'process',
    'messaging.message.id': event.id,
    'event.type': event.type,
  };
  return inSpan(`consume ${event.type}`, { kind: SpanKind.CONSUMER, parent: event.traceparent, attributes }, (span) => {
    const context = {
      requestId: event.id,
      correlationId: event.correlationId,
      causationId: event.id,
      traceparent: (span && traceparentOfSpan(span)) ?? event.traceparent ?? undefined,
      actor: event.actor ?? undefined,
    };
    return RequestContext.run(context, work);
  });
}
