import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { withProcessEnv } from '../../support/process-env.js';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { RetryPolicy } from '../../../src/contexts/monitoring/domain/webhooks/retry-policy.js';
import { WebhookDelivery } from '../../../src/contexts/monitoring/domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../../src/contexts/monitoring/domain/webhooks/webhook-delivery.repository.js';
import { WebhookSubscription } from '../../../src/contexts/monitoring/domain/webhooks/webhook-subscription.js';
import { WebhookSubscriptionRepository } from '../../../src/contexts/monitoring/domain/webhooks/webhook-subscription.repository.js';
import { FakeEventCatalogue, FakeUrlPolicy } from '../../support/monitoring/fake-ports.js';
import { ADMIN, Client, FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

/** An API process (no poller): the delivery store's claims, leases and fencing on PostgreSQL, and the https rule. */
describe('webhooks in an API process', () => {
  let app: TestApp;
  let deliveries: WebhookDeliveryRepository;
  let subscriptions: WebhookSubscriptionRepository;
  const retry = new RetryPolicy(3, 1000);

  beforeAll(async () => {
    // The defaults, whatever an earlier test file of this worker set: plain http is not allowed.
    app = await withProcessEnv({ ...FAST_AUTH_ENV, WEBHOOK_ALLOW_HTTP: 'false' }, () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        APP_CONTEXTS: 'user-management,monitoring',
        APP_ROLE: 'api',
      }),
    );
    deliveries = app.app.get(WebhookDeliveryRepository, { strict: false });
    subscriptions = app.app.get(WebhookSubscriptionRepository, { strict: false });
  });
  afterAll(() => app?.close());

  /** A pending delivery, due at `at`, of a fresh subscription (so tests share nothing but the table). */
  async function aDueDelivery(at: Date): Promise<WebhookDelivery> {
    const subscription = WebhookSubscription.create(
      {
        projectId: randomUUID(),
        url: 'https://hooks.example.com/in',
        eventTypes: ['workflow-engine.*'],
        secret: 'whsec_x',
        createdBy: randomUUID(),
        at,
      },
      { catalogue: new FakeEventCatalogue(), urls: new FakeUrlPolicy() },
    );
    await subscriptions.add(subscription);
    const delivery = WebhookDelivery.record({
      subscriptionId: subscription.id,
      projectId: subscription.projectId,
      eventId: randomUUID(),
      eventType: 'workflow-engine.workflow-run.started.v1',
      body: '{"a":1}',
      at,
    });
    const { subscriptionId, projectId, eventId, eventType } = delivery.snapshot;
    const again = WebhookDelivery.record({ subscriptionId, projectId, eventId, eventType, body: '{"a":2}', at });
    await deliveries.add([delivery]);
    await deliveries.add([again]);
    return delivery;
  }
  // Far in the future, so only this test's rows are due at its "now".
  const claimOnly = async (now: Date, id: string, leaseMs = 60_000) =>
    (await deliveries.claimDue(now, 1000, leaseMs)).filter((claimed) => claimed.id === id);

  it('keeps one delivery per subscription and event, and leases a claimed one to its claimer', async () => {
    const now = new Date(Date.now() + 10 * 365 * 86_400_000 + Math.random() * 1e9);
    const delivery = await aDueDelivery(now);
    const listed = (await deliveries.listOfSubscription(delivery.snapshot.subscriptionId, 10)).items;
    expect(listed.map((item) => [item.id, item.snapshot.body])).toEqual([[delivery.id, '{"a":1}']]);
    expect(await claimOnly(new Date(now.getTime() - 1), delivery.id)).toEqual([]);
    const [claimed] = await claimOnly(now, delivery.id);
    expect(claimed.snapshot).toMatchObject({ eventId: delivery.snapshot.eventId, body: '{"a":1}', attempts: [] });
    // Leased: another poller finds nothing until the lease ends.
    expect(await claimOnly(now, delivery.id)).toEqual([]);
    expect(await claimOnly(new Date(now.getTime() + 60_000), delivery.id)).toHaveLength(1);
  });

  it('records an attempt once: a poller whose lease ran out cannot record the same attempt again', async () => {
    const now = new Date(Date.now() + 20 * 365 * 86_400_000 + Math.random() * 1e9);
    const delivery = await aDueDelivery(now);
    const [first] = await claimOnly(now, delivery.id, 10);
    const [second] = await claimOnly(new Date(now.getTime() + 10), first.id);
    first.recordAttempt({ startedAt: now, durationMs: 3, statusCode: 500 }, retry);
    second.recordAttempt({ startedAt: now, durationMs: 4, statusCode: 200 }, retry);
    expect(await deliveries.saveAttempt(first)).toBe(true);
    expect(await deliveries.saveAttempt(second)).toBe(false);

    const [stored] = (await deliveries.listOfSubscription(first.snapshot.subscriptionId, 10)).items;
    expect(stored.snapshot).toMatchObject({
      status: 'pending',
      attempts: [{ number: 1, statusCode: 500, durationMs: 3, error: null }],
      nextAttemptAt: new Date(now.getTime() + 3 + 1000),
    });
  });

  it('postpones a delivery to a new due time without an attempt, unless another poller recorded one first', async () => {
    const now = new Date(Date.now() + 30 * 365 * 86_400_000 + Math.random() * 1e9);
    const delivery = await aDueDelivery(now);
    const until = new Date(now.getTime() + 5000);
    const [claimed] = await claimOnly(now, delivery.id);
    claimed.postpone(until);
    expect(await deliveries.savePostponement(claimed)).toBe(true);
    expect(await claimOnly(new Date(until.getTime() - 1), delivery.id)).toEqual([]);

    const [again] = await claimOnly(until, delivery.id, 10);
    const [stale] = await claimOnly(new Date(until.getTime() + 10), delivery.id);
    again.recordAttempt({ startedAt: until, durationMs: 2, statusCode: 200 }, retry);
    expect(await deliveries.saveAttempt(again)).toBe(true);
    stale.postpone(new Date(until.getTime() + 60_000));
    expect(await deliveries.savePostponement(stale)).toBe(false);
    const [stored] = (await deliveries.listOfSubscription(delivery.snapshot.subscriptionId, 10)).items;
    expect(stored.snapshot).toMatchObject({ status: 'delivered', attempts: [{ number: 1, statusCode: 200 }] });
  });

  it('refuses a plain http URL over HTTP with problem+json when WEBHOOK_ALLOW_HTTP is off', async () => {
    const anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const projectId = (await admin.call('POST', '/api/v1/projects', { name: `p-${Date.now()}` })).body.id as string;
    const refused = await admin.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: 'http://hooks.example.com/in',
      eventTypes: ['workflow-engine.*'],
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ errors: [{ field: 'url', message: 'must be an https URL' }] });
    const accepted = await admin.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: 'https://hooks.example.com/in',
      eventTypes: ['workflow-engine.*'],
    });
    expect(accepted.status).toBe(201);
  });
});
