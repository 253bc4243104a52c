import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';

export interface CreateWebhookCommand {
  readonly projectId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description?: string;
  readonly active?: boolean;
  readonly actorId: string;
}

/** The new subscription and its signing secret, which is shown this once. */
export interface CreatedWebhook {
  readonly subscription: WebhookSubscription;
  readonly secret: string;
}
