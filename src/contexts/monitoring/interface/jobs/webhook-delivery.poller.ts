import { Injectable } from '@nestjs/common';
import { DeliverDueWebhooksHandler } from '../../application/deliver-due-webhooks/deliver-due-webhooks.handler.js';
import { DeliverySettings } from '../../application/ports/delivery-settings.js';
import { DueWorkPoller } from './due-work-poller.js';

/**
 * Sends due webhook deliveries every WEBHOOK_POLL_INTERVAL_MS, in every worker. PostgreSQL holds
 * the due times (docs/adr/0601): a claimed delivery is leased to one poller (the others skip it),
 * so more workers never send one attempt twice, and nothing is lost with Redis.
 */
@Injectable()
export class WebhookDeliveryPoller extends DueWorkPoller {
  protected readonly failure = 'delivering webhooks';

  constructor(
    private readonly delivering: DeliverDueWebhooksHandler,
    settings: DeliverySettings,
  ) {
    super({ intervalMs: settings.pollIntervalMs, batchSize: settings.batchSize });
  }

  protected claimBatch(): Promise<{ readonly claimed: number }> {
    return this.delivering.execute({});
  }
}
