/** An integration event of any context, as the fan-out consumer received it. */
export interface RecordEventDeliveriesCommand {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: unknown;
}
