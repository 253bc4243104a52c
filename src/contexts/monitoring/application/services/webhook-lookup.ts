import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';

/** The subscription a use case acts on, or the 404 that every one of them answers for an unknown id. */
@Injectable()
export class WebhookLookup {
  constructor(private readonly subscriptions: WebhookSubscriptionRepository) {}

  async require(id: string, options?: { lock?: boolean }): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.find(id, options);
    if (subscription === undefined) throw new NotFoundError('Webhook', id);
    return subscription;
  }
}
