import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ACTOR, fakeWebhookPorts, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { WebhookSecretUnreadable, WebhookTargetUnavailable } from '../../domain/webhooks/errors.js';
import { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { SendTestDeliveryHandler } from './send-test-delivery.handler.js';

describe('SendTestDeliveryHandler', () => {
  it('records a due ping of the test type for the subscription, even an inactive one', async () => {
    const ports = fakeWebhookPorts();
    const handler = new SendTestDeliveryHandler(ports.lookup, ports.deliveries, ports.clock, ports.targets);
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

  it('refuses at once, recording nothing, while the receiver’s breaker is open', async () => {
    const ports = fakeWebhookPorts();
    const handler = new SendTestDeliveryHandler(ports.lookup, ports.deliveries, ports.clock, ports.targets);
    const stored = await aStoredSubscription(ports);
    ports.targets.refused.set(stored.snapshot.url, 7);
    const refusal = handler.execute({ webhookId: stored.id, actorId: ACTOR });
    await expect(refusal).rejects.toBeInstanceOf(WebhookTargetUnavailable);
    await expect(refusal).rejects.toMatchObject({ kind: 'unavailable', retryAfterSeconds: 7 });
    expect(ports.deliveries.rows.size).toBe(0);
  });

  it('refuses at once, recording nothing, while the webhook’s secret cannot be read', async () => {
    const ports = fakeWebhookPorts();
    const handler = new SendTestDeliveryHandler(ports.lookup, ports.deliveries, ports.clock, ports.targets);
    const stored = await aStoredSubscription(ports);
    await ports.subscriptions.save(WebhookSubscription.restore({ ...stored.snapshot, secret: undefined }));
    const refusal = handler.execute({ webhookId: stored.id, actorId: ACTOR });
    await expect(refusal).rejects.toBeInstanceOf(WebhookSecretUnreadable);
    await expect(refusal).rejects.toMatchObject({ kind: 'conflict', type: 'webhook-secret-unreadable' });
    expect(ports.deliveries.rows.size).toBe(0);
  });
});
