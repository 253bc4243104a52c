import { Injectable, Logger } from '@nestjs/common';
import { OpenLineageDeliveries, type DueDelivery } from '../ports/openlineage-deliveries.js';
import {
  OpenLineageEndpoint,
  OpenLineageEndpointUnavailable,
  OpenLineageSettings,
} from '../ports/openlineage-endpoint.js';
import { Transaction } from '../ports/transaction.js';
import type { DeliverOpenLineageEventsCommand, DeliveryPass } from './deliver-openlineage-events.command.js';

const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * One pass of OpenLineage forwarding: claims the due events and POSTs each. A failure comes due
 * again after an exponential backoff; after the configured attempts the event is given up, its last
 * error kept on the row and logged, and the run's later events go on. While the endpoint's breaker
 * is open an event is postponed to when it lets a probe through, without spending an attempt.
 */
@Injectable()
export class DeliverOpenLineageEventsHandler {
  private readonly logger = new Logger(DeliverOpenLineageEventsHandler.name);

  constructor(
    private readonly transaction: Transaction,
    private readonly deliveries: OpenLineageDeliveries,
    private readonly endpoint: OpenLineageEndpoint,
    private readonly settings: OpenLineageSettings,
  ) {}

  async execute(command: DeliverOpenLineageEventsCommand): Promise<DeliveryPass> {
    const due = await this.transaction.run(() =>
      this.deliveries.claimDue(command.limit, new Date(), this.settings.leaseMs),
    );
    const pass = { claimed: due.length, delivered: 0, retried: 0, failed: 0, postponed: 0 };
    for (const delivery of due) pass[await this.attempt(delivery)] += 1;
    return pass;
  }

  private async attempt(delivery: DueDelivery): Promise<'delivered' | 'retried' | 'failed' | 'postponed'> {
    try {
      await this.endpoint.send(delivery.event);
    } catch (error) {
      if (error instanceof OpenLineageEndpointUnavailable) {
        await this.deliveries.postpone(delivery.seq, error.retryAt);
        return 'postponed';
      }
      const reason = error instanceof Error ? error.message : String(error);
      if (delivery.attempts >= this.settings.maxAttempts) {
        await this.deliveries.markFailed(delivery.seq, reason, new Date());
        const { eventType, run } = delivery.event;
        this.logger.error(
          `OpenLineage ${eventType} event of run ${run.runId} given up after ${delivery.attempts} attempts: ${reason}`,
        );
        return 'failed';
      }
      await this.deliveries.markRetry(
        delivery.seq,
        reason,
        new Date(Date.now() + this.retryDelayMs(delivery.attempts)),
      );
      return 'retried';
    }
    await this.deliveries.markDelivered(delivery.seq, new Date());
    return 'delivered';
  }

  private retryDelayMs(attempts: number): number {
    return Math.min(this.settings.retryBaseMs * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
  }
}
