import type { WebhookDelivery } from './webhook-delivery.js';

export interface DeliveryPage {
  readonly items: WebhookDelivery[];
  readonly nextCursor: string | null;
}

/** Port: deliveries with their attempts. */
export abstract class WebhookDeliveryRepository {
  /** Adds new deliveries; one already recorded for the same subscription and event is left as it is. */
  abstract add(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /**
   * Claims up to `limit` pending deliveries due at `now` for `leaseMs`: no other poller claims them
   * until the lease ends, so a poller that dies mid-request leaves them to be tried again.
   */
  abstract claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDelivery[]>;
  /**
   * Stores the delivery's last attempt and its new status, unless another poller recorded that
   * attempt number first (its lease ran out meanwhile): answers whether it was stored.
   */
  abstract saveAttempt(delivery: WebhookDelivery): Promise<boolean>;
  /** Stores a postponement (its new due time), fenced like an attempt: answers whether it was stored. */
  abstract savePostponement(delivery: WebhookDelivery): Promise<boolean>;
  /** Newest first, `limit` at a time after the cursor (the last id of the previous page). */
  abstract listOfSubscription(subscriptionId: string, limit: number, cursor?: string): Promise<DeliveryPage>;
}
