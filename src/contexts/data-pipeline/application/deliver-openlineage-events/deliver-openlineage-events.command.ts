export interface DeliverOpenLineageEventsCommand {
  /** At most this many events in one pass. */
  readonly limit: number;
}

export interface DeliveryPass {
  readonly claimed: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
  /** Not sent: the endpoint's breaker was open. Due again once it lets a probe through, no attempt spent. */
  readonly postponed: number;
}
