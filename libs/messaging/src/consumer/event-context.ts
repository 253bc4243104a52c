import { RequestContext } from '@libs/platform';
import type { EventEnvelope } from '../envelope.js';

/**
 * Runs `work` as the handling of `event`: its correlation, trace and actor carry on into what the
 * work writes and publishes, and the event is the cause. Handlers of a whole batch use it per event.
 */
export function runInEventContext<T>(event: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const context = {
    requestId: event.id,
    correlationId: event.correlationId,
    causationId: event.id,
    traceparent: event.traceparent ?? undefined,
    actor: event.actor ?? undefined,
  };
  return RequestContext.run(context, work);
}
