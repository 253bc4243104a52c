import type { EventMap, EventType } from '../envelope.js';

/** The aggregate an event is about; its version orders the events of one aggregate. */
export interface EventSubject {
  readonly aggregateId: string;
  readonly aggregateVersion?: number;
}

/**
 * Port: writes an integration event of one context, typed by its EventMap, to the outbox of the
 * running transaction. A context provides it (its own token in its own module) with
 * `outboxEventPublisher`, and its use cases inject `EventPublisher<TheirEvents>`.
 */
export abstract class EventPublisher<TEvents extends EventMap> {
  abstract publish<TType extends EventType<TEvents>>(
    type: TType,
    payload: TEvents[TType],
    subject: EventSubject,
  ): Promise<void>;
}
