import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR, fakeWebhookPorts, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { SendTestDeliveryHandler } from './send-test-delivery.handler.js';

describe('SendTestDeliveryHandler', () => {
  it('records a due ping of the test type for the subscription, even an inactive one', async () => {
    const ports = fakeWebhookPorts();
    const handler = new SendTestDeliveryHandler(ports.lookup, ports.deliveries, ports.clock);
    const stored = await aStoredSubscription(ports, { active: false });
    const delivery = await handler.execute({ webhookId: stored.id, actorId: ACTOR });
    expect(delivery.snapshot).toMatchObject({
      subscriptionId: stored.id,
      eventType: 'monitoring.webhook.test.v1',
      status: 'pending',
      nextAttemptAt: ports.clock.now(),
    });
    expect(JSON.parse(delivery.snapshot.body)).toMatchObject({
      id: delivery.snapshot.eventId,
      type: 'monitoring.webhook.test.v1',
      projectId: PROJECT,
      payload: { webhookId: stored.id, requestedBy: ACTOR },
    });
    expect([...ports.deliveries.rows.keys()]).toEqual([delivery.id]);
    await expect(handler.execute({ webhookId: 'missing', actorId: ACTOR })).rejects.toBeInstanceOf(NotFoundError);
  });
});
