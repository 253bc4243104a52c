/** An integration event of any context, as the fan-out consumer received it. */
export interface ReceivedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: unknown;
}

/** The events of one delivery batch of a stream, in stream order. */
export interface RecordEventDeliveriesCommand {
  readonly events: readonly ReceivedEvent[];
}
