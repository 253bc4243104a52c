import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { DeliverDueNotificationsHandler } from '../../application/deliver-due-notifications/deliver-due-notifications.handler.js';
import { DeliverySettings } from '../../application/ports/delivery-settings.js';

/**
 * Sends due email and Slack notifications every WEBHOOK_POLL_INTERVAL_MS, in every worker, leased
 * like webhook deliveries (docs/adr/0601); webhook receivers' notifications go with the deliveries.
 */
@Injectable()
export class AlertNotificationPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertNotificationPoller.name);
  private stopping = false;
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`sending alert notifications failed: ${error.message}`),
  );

  constructor(
    private readonly delivering: DeliverDueNotificationsHandler,
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
