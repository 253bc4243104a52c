import type { AttemptOutcome, PostponedSend } from '../../domain/webhooks/webhook-delivery.js';

/** One signed request of a delivery. */
export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly deliveryId: string;
  readonly eventType: string;
  readonly body: string;
}

/**
 * Port: sends one attempt through the outbound policy and reports what came of it, or that it was
 * not sent because the target's circuit breaker is open; never throws.
 */
export abstract class WebhookSender {
  abstract send(request: WebhookRequest): Promise<AttemptOutcome | PostponedSend>;
}

/** Port: whether a webhook URL's target is refused now by its circuit breaker. */
export abstract class WebhookTargetAvailability {
  /** Seconds until the target's breaker lets a call through, or undefined when it would now. */
  abstract refusedForSeconds(url: string): number | undefined;
}
