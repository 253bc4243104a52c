import { Injectable } from '@nestjs/common';
import { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { deliveryBody } from '../services/delivery-body.js';
import type { RecordEventDeliveriesCommand } from './record-event-deliveries.command.js';

/**
 * Records one delivery of the event per active subscription of its project that wants its type.
 * An event whose payload names no project is delivered nowhere: no project may see another's
 * activity, and a project-less event belongs to none. Runs in the consumer's inbox transaction, so
 * the deliveries are recorded exactly once per event.
 */
@Injectable()
export class RecordEventDeliveriesHandler {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordEventDeliveriesCommand): Promise<WebhookDelivery[]> {
    const projectId = projectOf(command.payload);
    if (projectId === undefined) return [];
    const wanting = (await this.subscriptions.activeOfProject(projectId)).filter((subscription) =>
      subscription.wants(command.type),
    );
    if (wanting.length === 0) return [];
    const body = deliveryBody({
      id: command.eventId,
      type: command.type,
      occurredAt: command.occurredAt,
      projectId,
      payload: command.payload,
    });
    const at = this.clock.now();
    const deliveries = wanting.map((subscription) =>
      WebhookDelivery.record({
        subscriptionId: subscription.id,
        projectId,
        eventId: command.eventId,
        eventType: command.type,
        body,
        at,
      }),
    );
    await this.deliveries.add(deliveries);
    return deliveries;
  }
}

function projectOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { projectId } = payload as { projectId?: unknown };
  return typeof projectId === 'string' && projectId.length > 0 ? projectId : undefined;
}
