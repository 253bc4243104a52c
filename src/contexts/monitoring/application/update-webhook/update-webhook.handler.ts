import { Injectable } from '@nestjs/common';
import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { Transaction } from '../ports/transaction.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import { ConfiguredWebhookRules } from '../services/webhook-rules.js';
import type { UpdateWebhookCommand } from './update-webhook.command.js';

@Injectable()
export class UpdateWebhookHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly lookup: WebhookLookup,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly rules: ConfiguredWebhookRules,
    private readonly clock: Clock,
  ) {}

  execute({ webhookId, ...changes }: UpdateWebhookCommand): Promise<WebhookSubscription> {
    return this.transaction.run(async () => {
      const subscription = await this.lookup.require(webhookId, { lock: true });
      subscription.change(changes, this.rules, this.clock.now());
      await this.subscriptions.save(subscription);
      return subscription;
    });
  }
}
