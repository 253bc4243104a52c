import { Injectable } from '@nestjs/common';
import { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { WebhookSecrets } from '../ports/webhook-secrets.js';
import { ConfiguredWebhookRules } from '../services/webhook-rules.js';
import type { CreateWebhookCommand, CreatedWebhook } from './create-webhook.command.js';

@Injectable()
export class CreateWebhookHandler {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly secrets: WebhookSecrets,
    private readonly rules: ConfiguredWebhookRules,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateWebhookCommand): Promise<CreatedWebhook> {
    const secret = this.secrets.generate();
    const subscription = WebhookSubscription.create(
      { ...command, createdBy: command.actorId, secret, at: this.clock.now() },
      this.rules,
    );
    await this.subscriptions.add(subscription);
    return { subscription, secret };
  }
}
