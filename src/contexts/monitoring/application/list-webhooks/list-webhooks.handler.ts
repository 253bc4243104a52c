import { Injectable } from '@nestjs/common';
import {
  WebhookSubscriptionRepository,
  type SubscriptionPage,
} from '../../domain/webhooks/webhook-subscription.repository.js';
import type { ListWebhooksQuery } from './list-webhooks.query.js';

@Injectable()
export class ListWebhooksHandler {
  constructor(private readonly subscriptions: WebhookSubscriptionRepository) {}

  execute(query: ListWebhooksQuery): Promise<SubscriptionPage> {
    return this.subscriptions.listOfProject(query.projectId, query.limit, query.cursor);
  }
}
