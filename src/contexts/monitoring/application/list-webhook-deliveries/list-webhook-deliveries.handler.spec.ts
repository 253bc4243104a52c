import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR, fakeWebhookPorts } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { SendTestDeliveryHandler } from '../send-test-delivery/send-test-delivery.handler.js';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries.handler.js';

describe('ListWebhookDeliveriesHandler', () => {
  it("answers the subscription's deliveries, and refuses an unknown subscription", async () => {
    const ports = fakeWebhookPorts();
    const handler = new ListWebhookDeliveriesHandler(ports.lookup, ports.deliveries);
    const stored = await aStoredSubscription(ports);
    const other = await aStoredSubscription(ports);
    const ping = await new SendTestDeliveryHandler(ports.lookup, ports.deliveries, ports.clock, ports.targets).execute({
      webhookId: stored.id,
      actorId: ACTOR,
    });
    expect((await handler.execute({ webhookId: stored.id, limit: 10 })).items).toEqual([ping]);
    expect((await handler.execute({ webhookId: other.id, limit: 10 })).items).toEqual([]);
    await expect(handler.execute({ webhookId: 'missing', limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
