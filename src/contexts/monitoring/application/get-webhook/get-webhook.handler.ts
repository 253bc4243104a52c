import { Injectable } from '@nestjs/common';
import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import type { GetWebhookQuery } from './get-webhook.query.js';

@Injectable()
export class GetWebhookHandler {
  constructor(private readonly lookup: WebhookLookup) {}

  execute(query: GetWebhookQuery): Promise<WebhookSubscription> {
    return this.lookup.require(query.webhookId);
  }
}
