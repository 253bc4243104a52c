import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@libs/messaging';

/** An envelope as the bus delivers one, around the given type and payload, at a fixed time. */
export function envelopeOf<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  occurredAt = '2026-01-01T00:00:00.000Z',
): EventEnvelope<TType, TPayload> {
  return {
    id: randomUUID(),
    type,
    source: type.split('.')[0],
    occurredAt,
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    correlationId: randomUUID(),
    causationId: null,
    traceparent: null,
    actor: null,
    payload,
  };
}
