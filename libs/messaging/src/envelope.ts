/**
 * The integration event as it travels (ARCHITECTURE section 3). Payloads are
 * plain JSON; `type` is `<context>.<aggregate>.<past-tense>.v<N>`.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly source: string;
  readonly occurredAt: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  readonly actor: string | null;
  readonly payload: TPayload;
}

/** A context's published events: type -> payload, declared in its contracts/events.ts. */
export type EventMap = object;

/** The event types of a map, as strings. */
export type EventType<TEvents extends EventMap> = keyof TEvents & string;

/**
 * The envelope of one of `TType`'s events. Distributed over a union of types, so a handler of
 * several narrows `event.payload` by checking `event.type`.
 */
export type EnvelopeOf<TEvents extends EventMap, TType extends EventType<TEvents>> = TType extends unknown
  ? EventEnvelope<TType, TEvents[TType]>
  : never;
