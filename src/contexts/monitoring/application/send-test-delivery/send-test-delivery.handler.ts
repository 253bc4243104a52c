import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import { Clock } from '../ports/clock.js';
import { deliveryBody } from '../services/delivery-body.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import { WEBHOOK_TEST_EVENT, type SendTestDeliveryCommand } from './send-test-delivery.command.js';

/**
 * Records a ping for the subscription, active or not, which the delivery poller sends as any other
 * delivery (signed, retried, listed), so a subscriber can check its receiver end to end.
 */
@Injectable()
export class SendTestDeliveryHandler {
  constructor(
    private readonly lookup: WebhookLookup,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendTestDeliveryCommand): Promise<WebhookDelivery> {
    const subscription = await this.lookup.require(command.webhookId);
    const at = this.clock.now();
    const eventId = newId();
    const body = deliveryBody({
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      occurredAt: at.toISOString(),
      projectId: subscription.projectId,
      payload: { webhookId: subscription.id, requestedBy: command.actorId },
    });
    const delivery = WebhookDelivery.record({
      subscriptionId: subscription.id,
      projectId: subscription.projectId,
      eventId,
      eventType: WEBHOOK_TEST_EVENT,
      body,
      at,
    });
    await this.deliveries.add([delivery]);
    return delivery;
  }
}
