export interface DeliverOpenLineageEventsCommand {
  /** At most this many events in one pass. */
  readonly limit: number;
}

export interface DeliveryPass {
  readonly claimed: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
}
