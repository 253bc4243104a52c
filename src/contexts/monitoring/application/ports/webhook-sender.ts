import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';

/** One signed request of a delivery. */
export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly deliveryId: string;
  readonly eventType: string;
  readonly body: string;
}

/** Port: sends one attempt through the outbound policy and reports what came of it; never throws. */
export abstract class WebhookSender {
  abstract send(request: WebhookRequest): Promise<AttemptOutcome>;
}
