import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeWebhookPorts } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { WebhookSubscriptionInvalid } from '../../domain/webhooks/errors.js';
import { UpdateWebhookHandler } from './update-webhook.handler.js';

describe('UpdateWebhookHandler', () => {
  const build = () => {
    const ports = fakeWebhookPorts();
    const handler = new UpdateWebhookHandler(
      ports.transaction,
      ports.lookup,
      ports.subscriptions,
      ports.rules,
      ports.clock,
    );
    return { ports, handler };
  };

  it('changes only the fields given, and keeps the secret', async () => {
    const { ports, handler } = build();
    const stored = await aStoredSubscription(ports);
    ports.clock.advance(1000);
    const changed = await handler.execute({ webhookId: stored.id, active: false, eventTypes: ['model-registry.*'] });
    expect(changed.snapshot).toMatchObject({
      active: false,
      eventTypes: ['model-registry.*'],
      url: 'https://hooks.example.com/in',
      secret: stored.snapshot.secret,
      updatedAt: ports.clock.now(),
    });
  });

  it('refuses an event type nobody publishes and an unknown webhook', async () => {
    const { ports, handler } = build();
    const stored = await aStoredSubscription(ports);
    await expect(
      handler.execute({ webhookId: stored.id, eventTypes: ['workflow-engine.workflow-run.exploded.v1'] }),
    ).rejects.toBeInstanceOf(WebhookSubscriptionInvalid);
    await expect(handler.execute({ webhookId: 'missing', active: true })).rejects.toBeInstanceOf(NotFoundError);
  });
});
