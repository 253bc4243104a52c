import { Injectable } from '@nestjs/common';
import { DeliverDueNotificationsHandler } from '../../application/deliver-due-notifications/deliver-due-notifications.handler.js';
import { DeliverySettings } from '../../application/ports/delivery-settings.js';
import { DueWorkPoller } from './due-work-poller.js';

/**
 * Sends due email and Slack notifications every WEBHOOK_POLL_INTERVAL_MS, in every worker, leased
 * like webhook deliveries (docs/adr/0601); webhook receivers' notifications go with the deliveries.
 */
@Injectable()
export class AlertNotificationPoller extends DueWorkPoller {
  protected readonly failure = 'sending alert notifications';

  constructor(
    private readonly delivering: DeliverDueNotificationsHandler,
    settings: DeliverySettings,
  ) {
    super({ intervalMs: settings.pollIntervalMs, batchSize: settings.batchSize });
  }

  protected claimBatch(): Promise<{ readonly claimed: number }> {
    return this.delivering.execute({});
  }
}
