import { describe, expect, it } from '@jest/globals';
import { ACTOR, fakeWebhookPorts, ScriptedSender } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { WebhookSubscription } from '../../domain/webhooks/webhook-subscription.js';
import { SendTestDeliveryHandler } from '../send-test-delivery/send-test-delivery.handler.js';
import { DeliverDueWebhooksHandler } from './deliver-due-webhooks.handler.js';

describe('DeliverDueWebhooksHandler', () => {
  const build = async (script: ConstructorParameters<typeof ScriptedSender>[1]) => {
    const ports = fakeWebhookPorts();
    const sender = new ScriptedSender(ports.clock, script);
    const handler = new DeliverDueWebhooksHandler(
      ports.transaction,
      ports.deliveries,
      ports.subscriptions,
      sender,
      ports.settings,
      ports.clock,
      ports.metrics,
    );
    const subscription = await aStoredSubscription(ports);
    const delivery = await new SendTestDeliveryHandler(
      ports.lookup,
      ports.deliveries,
      ports.clock,
      ports.targets,
    ).execute({
      webhookId: subscription.id,
      actorId: ACTOR,
    });
    return { ports, sender, handler, subscription, delivery };
  };

  it('sends a due delivery signed with its subscription, once, and records it delivered', async () => {
    const { ports, sender, handler, subscription, delivery } = await build([{ statusCode: 200 }]);
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    expect(sender.sent).toEqual([
      {
        url: subscription.snapshot.url,
        secret: subscription.snapshot.secret,
        deliveryId: delivery.id,
        eventType: 'monitoring.webhook.test.v1',
        body: delivery.snapshot.body,
      },
    ]);
    expect(ports.deliveries.rows.get(delivery.id)?.snapshot.status).toBe('delivered');
    expect(await handler.execute({})).toEqual({ claimed: 0 });
  });

  it('retries after the backoff only, with the same delivery id, until the receiver answers 2xx', async () => {
    const { ports, sender, handler, delivery } = await build([
      { statusCode: 500 },
      { statusCode: 500 },
      { statusCode: 500 },
      { statusCode: 200 },
    ]);
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    for (const wait of [1000, 2000, 4000]) {
      // Each attempt takes 5 ms; the next is due the backoff after it ended, and not a millisecond sooner.
      ports.clock.advance(5 + wait - 1);
      expect(await handler.execute({})).toEqual({ claimed: 0 });
      ports.clock.advance(1);
      expect(await handler.execute({})).toEqual({ claimed: 1 });
    }
    expect(sender.sent.map((request) => request.deliveryId)).toEqual(Array(4).fill(delivery.id));
    const stored = ports.deliveries.rows.get(delivery.id)!.snapshot;
    expect(stored.status).toBe('delivered');
    expect(stored.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 200]);
    expect(ports.metrics.results).toEqual(['retrying', 'retrying', 'retrying', 'delivered']);
  });

  it('postpones a delivery its target’s breaker refuses, spending no attempt, and sends it when due', async () => {
    const { ports, sender, handler, delivery } = await build([
      { statusCode: 500 },
      { postponedUntil: new Date('2026-12-07T01:00:00Z') },
      { postponedUntil: new Date('2026-12-07T02:00:00Z') },
      { postponedUntil: new Date('2026-12-07T03:00:00Z') },
      { postponedUntil: new Date('2026-12-07T04:00:00Z') },
      { statusCode: 200 },
    ]);
    await handler.execute({});
    ports.clock.advance(60_000);
    await handler.execute({});
    expect(ports.deliveries.rows.get(delivery.id)!.snapshot).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date('2026-12-07T01:00:00Z'),
    });
    // Refused more often than the four attempts allow: still pending, and not before it is due.
    for (const hour of [1, 2, 3, 4]) {
      ports.clock.at = new Date(Date.UTC(2026, 11, 7, hour) - 1);
      expect(await handler.execute({})).toEqual({ claimed: 0 });
      ports.clock.advance(1);
      expect(await handler.execute({})).toEqual({ claimed: 1 });
    }
    const stored = ports.deliveries.rows.get(delivery.id)!.snapshot;
    expect(stored.status).toBe('delivered');
    expect(stored.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    expect(sender.sent).toHaveLength(2);
    expect(ports.metrics.results).toEqual(['retrying', 'delivered']);
  });

  it('sends nothing before the backoff has passed, and dead-letters after the last attempt', async () => {
    const { ports, sender, handler, delivery } = await build([{ statusCode: 503 }]);
    await handler.execute({});
    ports.clock.advance(1000);
    expect(await handler.execute({})).toEqual({ claimed: 0 });
    for (let round = 0; round < 10; round += 1) {
      ports.clock.advance(60_000);
      await handler.execute({});
    }
    expect(sender.sent).toHaveLength(4);
    expect(ports.deliveries.rows.get(delivery.id)!.snapshot.status).toBe('dead');
    expect(ports.metrics.results).toEqual(['retrying', 'retrying', 'retrying', 'dead']);
  });

  it('leaves a delivery unsent and unrecorded while its secret is unreadable, and signs it with a rotated one', async () => {
    const { ports, sender, handler, subscription, delivery } = await build([{ statusCode: 200 }]);
    const unreadable = WebhookSubscription.restore({ ...subscription.snapshot, secret: undefined });
    await ports.subscriptions.save(unreadable);
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    expect(sender.sent).toEqual([]);
    expect(ports.deliveries.rows.get(delivery.id)!.snapshot).toMatchObject({ status: 'pending', attempts: [] });
    // Still leased: not claimed again before its lease (request timeout + 30 s) has run out.
    ports.clock.advance(30_000);
    expect(await handler.execute({})).toEqual({ claimed: 0 });

    unreadable.rotateSecret('whsec_rotated', ports.clock.now());
    ports.clock.advance(1_000);
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    expect(sender.sent).toEqual([expect.objectContaining({ deliveryId: delivery.id, secret: 'whsec_rotated' })]);
    expect(ports.deliveries.rows.get(delivery.id)!.snapshot.status).toBe('delivered');
  });
});
