import { Injectable } from '@nestjs/common';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { Transaction } from '../ports/transaction.js';
import { WebhookSecrets } from '../ports/webhook-secrets.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import type { RotateWebhookSecretCommand, RotatedWebhookSecret } from './rotate-webhook-secret.command.js';

/** Replaces the signing secret: attempts from now on, retries of earlier deliveries included, use the new one. */
@Injectable()
export class RotateWebhookSecretHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly lookup: WebhookLookup,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
  ) {}

  execute(command: RotateWebhookSecretCommand): Promise<RotatedWebhookSecret> {
    return this.transaction.run(async () => {
      const subscription = await this.lookup.require(command.webhookId, { lock: true });
      const secret = this.secrets.generate();
      subscription.rotateSecret(secret, this.clock.now());
      await this.subscriptions.save(subscription);
      return { webhookId: subscription.id, secret };
    });
  }
}
