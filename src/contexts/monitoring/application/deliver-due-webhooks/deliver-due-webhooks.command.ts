// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a round takes nothing: what is due is in the database
export interface DeliverDueWebhooksCommand {}

/** What one round did: how many deliveries it claimed (a full batch means more may be due). */
export interface DeliveryRound {
  readonly claimed: number;
}
