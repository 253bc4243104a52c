import { Injectable } from '@nestjs/common';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import type { DeleteWebhookCommand } from './delete-webhook.command.js';

/** Removes the subscription with its deliveries and their attempts: pending ones are not sent any more. */
@Injectable()
export class DeleteWebhookHandler {
  constructor(
    private readonly lookup: WebhookLookup,
    private readonly subscriptions: WebhookSubscriptionRepository,
  ) {}

  async execute(command: DeleteWebhookCommand): Promise<void> {
    const subscription = await this.lookup.require(command.webhookId);
    await this.subscriptions.remove(subscription.id);
  }
}
