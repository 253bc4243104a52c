import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { WebhookSecretUnreadable, WebhookTargetUnavailable } from '../../domain/webhooks/errors.js';
import { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import { Clock } from '../ports/clock.js';
import { WebhookTargetAvailability } from '../ports/webhook-sender.js';
import { deliveryBody } from '../services/delivery-body.js';
import { WebhookLookup } from '../services/webhook-lookup.js';
import { WEBHOOK_TEST_EVENT, type SendTestDeliveryCommand } from './send-test-delivery.command.js';

/**
 * Records a ping for the subscription, active or not, which the delivery poller sends as any other
 * delivery (signed, retried, listed), so a subscriber can check its receiver end to end. While the
 * receiver's circuit breaker is open the ping is refused at once (503, Retry-After): it would wait
 * unsent behind the breaker, and the subscriber asked to know now; so is it while the webhook's secret
 * cannot be read (409), as nothing is signed until a new one is rotated in.
 */
@Injectable()
export class SendTestDeliveryHandler {
  constructor(
    private readonly lookup: WebhookLookup,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
    private readonly targets: WebhookTargetAvailability,
  ) {}

  async execute(command: SendTestDeliveryCommand): Promise<WebhookDelivery> {
    const subscription = await this.lookup.require(command.webhookId);
    if (subscription.snapshot.secret === undefined) throw new WebhookSecretUnreadable();
    const refusedFor = this.targets.refusedForSeconds(subscription.snapshot.url);
    if (refusedFor !== undefined) throw new WebhookTargetUnavailable(refusedFor);
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
