import { Injectable } from '@nestjs/common';
import { WebhookDeliveryRepository, type DeliveryPage } from '../../domain/webhooks/webhook-delivery.repository.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import type { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query.js';

/** A subscription's deliveries, newest first, each with every attempt made so far. */
@Injectable()
export class ListWebhookDeliveriesHandler {
  constructor(
    private readonly lookup: WebhookLookup,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async execute(query: ListWebhookDeliveriesQuery): Promise<DeliveryPage> {
    const subscription = await this.lookup.require(query.webhookId);
    return this.deliveries.listOfSubscription(subscription.id, query.limit, query.cursor);
  }
}
