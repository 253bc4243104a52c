import { Injectable } from '@nestjs/common';
import type { AlertNotification } from '../../domain/notifications/alert-notification.js';
import { AlertNotificationRepository } from '../../domain/notifications/notifications.repository.js';
import { isPostponed, type AttemptOutcome, type PostponedSend } from '../../domain/webhooks/webhook-delivery.js';
import { Clock } from '../ports/clock.js';
import { DeliverySettings } from '../ports/delivery-settings.js';
import { EmailSender, SlackSender } from '../ports/notification-sender.js';
import { Transaction } from '../ports/transaction.js';
import type { AlertGroupMessage } from '../services/alert-group-message.js';
import type { DeliverDueNotificationsCommand, NotificationDeliveryRound } from './deliver-due-notifications.command.js';

/** Past the request timeout, a claimed notification is left to others: its poller is taken for dead. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends the due email and Slack notifications once each and records every attempt with what follows
 * it, under the webhooks' retry policy (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_BASE_MS): retried after
 * a backoff, or dead after the last attempt. Fenced like webhook deliveries; a Slack notification
 * its target's breaker refused is postponed without an attempt, as a webhook delivery is.
 */
@Injectable()
export class DeliverDueNotificationsHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly notifications: AlertNotificationRepository,
    private readonly email: EmailSender,
    private readonly slack: SlackSender,
    private readonly settings: DeliverySettings,
    private readonly clock: Clock,
  ) {}

  async execute(_command: DeliverDueNotificationsCommand): Promise<NotificationDeliveryRound> {
    const lease = this.settings.requestTimeoutMs + LEASE_MARGIN_MS;
    const claimed = await this.notifications.claimDue(this.clock.now(), this.settings.batchSize, lease);
    await Promise.all(claimed.map((notification) => this.attempt(notification)));
    return { claimed: claimed.length };
  }

  private async attempt(notification: AlertNotification): Promise<void> {
    const { receiver, body } = notification.snapshot;
    const message = JSON.parse(body) as AlertGroupMessage;
    let outcome: AttemptOutcome | PostponedSend;
    if (receiver.type === 'email') outcome = await this.email.send(receiver.to, message);
    else if (receiver.type === 'slack') outcome = await this.slack.send(receiver.url, message);
    else outcome = { startedAt: this.clock.now(), durationMs: 0, error: 'the webhook was deleted', permanent: true };
    if (isPostponed(outcome)) {
      notification.postpone(outcome.postponedUntil);
      await this.transaction.run(() => this.notifications.savePostponement(notification));
      return;
    }
    notification.recordAttempt(outcome, this.settings.retry);
    await this.transaction.run(() => this.notifications.saveAttempt(notification));
  }
}
