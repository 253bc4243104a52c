import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { DeliverDueWebhooksHandler } from '../../application/deliver-due-webhooks/deliver-due-webhooks.handler.js';
import { DeliverySettings } from '../../application/ports/delivery-settings.js';

/**
 * Sends due webhook deliveries every WEBHOOK_POLL_INTERVAL_MS, in every worker. PostgreSQL holds
 * the due times (docs/adr/0601): a claimed delivery is leased to one poller (the others skip it),
 * so more workers never send one attempt twice, and nothing is lost with Redis. A round that claimed
 * a full batch goes on at once: more may be due.
 */
@Injectable()
export class WebhookDeliveryPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryPoller.name);
  private stopping = false;
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`delivering webhooks failed: ${error.message}`),
  );

  constructor(
    private readonly delivering: DeliverDueWebhooksHandler,
    private readonly settings: DeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.settings.pollIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.work.stop();
  }

  private async round(): Promise<void> {
    while (!this.stopping) {
      const { claimed } = await this.delivering.execute({});
      if (claimed < this.settings.batchSize) return;
    }
  }
}
