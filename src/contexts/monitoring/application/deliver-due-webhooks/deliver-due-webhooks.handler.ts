import { Injectable } from '@nestjs/common';
import {
  isPostponed,
  type AttemptOutcome,
  type PostponedSend,
  type WebhookDelivery,
} from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { DeliveryMetrics } from '../ports/delivery-metrics.js';
import { DeliverySettings } from '../ports/delivery-settings.js';
import { Transaction } from '../ports/transaction.js';
import { WebhookSender } from '../ports/webhook-sender.js';
import type { DeliverDueWebhooksCommand, DeliveryRound } from './deliver-due-webhooks.command.js';

/** Past the request timeout, a claimed delivery is left to others: its poller is taken for dead. */
const LEASE_MARGIN_MS = 30_000;

/**
 * One round of the delivery poller: claims the deliveries that are due, sends each once and
 * records the attempt with what follows it (delivered, retried after a backoff, or dead). Each
 * attempt is recorded only if no other poller recorded that attempt first, so a delivery whose
 * poller stalled past its lease is not counted twice. A delivery its target's breaker refused is
 * postponed to when the breaker lets a probe through, with no attempt recorded or spent.
 */
@Injectable()
export class DeliverDueWebhooksHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly sender: WebhookSender,
    private readonly settings: DeliverySettings,
    private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async execute(_command: DeliverDueWebhooksCommand): Promise<DeliveryRound> {
    const lease = this.settings.requestTimeoutMs + LEASE_MARGIN_MS;
    const claimed = await this.deliveries.claimDue(this.clock.now(), this.settings.batchSize, lease);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return { claimed: claimed.length };
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    const { subscriptionId, eventType, body } = delivery.snapshot;
    const subscription = await this.subscriptions.find(subscriptionId);
    let outcome: AttemptOutcome | PostponedSend;
    if (subscription === undefined) {
      outcome = { startedAt: this.clock.now(), durationMs: 0, error: 'the webhook was deleted', permanent: true };
    } else if (subscription.snapshot.secret === undefined) {
      // Its secret unreadable (docs/adr/0015; the repository logged it): left leased and claimed again after
      // the lease, as a notification whose Slack URL does not open is, so it goes once a new secret is rotated.
      return;
    } else {
      outcome = await this.sender.send({
        url: subscription.snapshot.url,
        secret: subscription.snapshot.secret,
        deliveryId: delivery.id,
        eventType,
        body,
      });
    }
    if (isPostponed(outcome)) {
      delivery.postpone(outcome.postponedUntil);
      await this.transaction.run(() => this.deliveries.savePostponement(delivery));
      return;
    }
    const attempt = delivery.recordAttempt(outcome, this.settings.retry);
    const stored = await this.transaction.run(() => this.deliveries.saveAttempt(delivery));
    if (!stored) return;
    const { status } = delivery.snapshot;
    this.metrics.attempted(status === 'pending' ? 'retrying' : status, attempt.durationMs);
  }
}
