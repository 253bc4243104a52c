import { Injectable } from '@nestjs/common';
import { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { deliveryBody } from '../services/delivery-body.js';
import type { ReceivedEvent, RecordEventDeliveriesCommand } from './record-event-deliveries.command.js';

/**
 * Records one delivery of each event per active subscription of its project that wants its type.
 * An event whose payload names no project is delivered nowhere: no project may see another's
 * activity, and a project-less event belongs to none. Runs in the consumer's inbox transaction, so
 * the deliveries are recorded exactly once per event; every event of every source stream passes
 * here, so a batch costs one subscription lookup, not one per event.
 */
@Injectable()
export class RecordEventDeliveriesHandler {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordEventDeliveriesCommand): Promise<WebhookDelivery[]> {
    const projectEvents = command.events.flatMap((event) => {
      const projectId = projectOf(event.payload);
      return projectId === undefined ? [] : [{ event, projectId }];
    });
    if (projectEvents.length === 0) return [];
    const active = await this.subscriptions.activeOfProjects([...new Set(projectEvents.map((item) => item.projectId))]);
    const at = this.clock.now();
    const deliveries = projectEvents.flatMap(({ event, projectId }) =>
      active
        .filter((subscription) => subscription.projectId === projectId && subscription.wants(event.type))
        .map((subscription) => deliveryOf(event, projectId, subscription, at)),
    );
    await this.deliveries.add(deliveries);
    return deliveries;
  }
}

function deliveryOf(event: ReceivedEvent, projectId: string, subscription: WebhookSubscription, at: Date) {
  const { eventId, type, occurredAt, payload } = event;
  return WebhookDelivery.record({
    subscriptionId: subscription.id,
    projectId,
    eventId,
    eventType: type,
    body: deliveryBody({ id: eventId, type, occurredAt, projectId, payload }),
    at,
  });
}

/**
 * The project an event names. The fan-out takes every event of every source stream, so no one
 * producer's EventMap types its payload here: the project is found by checking the payload, not
 * by trusting a type, and an event of a shape no contract declared is delivered nowhere.
 */
function projectOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('projectId' in payload)) return undefined;
  const { projectId } = payload;
  return typeof projectId === 'string' && projectId.length > 0 ? projectId : undefined;
}
