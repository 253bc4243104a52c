import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { waitFor, type TestApp } from '@libs/testing';
import { AlertNotification } from '../../../src/contexts/monitoring/domain/notifications/alert-notification.js';
import { AlertNotificationRepository } from '../../../src/contexts/monitoring/domain/notifications/notifications.repository.js';
import { ExternalPostgres } from '../../support/data-pipeline/external-postgres.js';
import { startSealingApp } from '../../support/monitoring/sealing-app.js';
import { signatureIsValid, WebhookReceiver } from '../../support/monitoring/webhook-receiver.js';
import { ADMIN, Client } from '../../e2e/user-management/auth-client.js';

const key = (id: string): string => `${id}:${randomBytes(32).toString('base64')}`;
const OLD_KEY = key('k1');
const NEW_KEY = key('k2');

/**
 * Rows sealed under a key the process no longer lists (removed from SECRETS_ENCRYPTION_KEYS before
 * `secrets:reseal` ran, docs/adr/0015): the routes that read them answer each row without its secret,
 * marked unreadable, instead of a 500, and a webhook's secret can still be rotated to recover it.
 */
describe('sealed secrets that no configured key opens', () => {
  const receiver = new WebhookReceiver();
  let database: ExternalPostgres;
  let app: TestApp;
  let admin: Client;
  let projectId: string;
  let base: string;
  let webhookId: string;
  let doomedId: string;
  let routeId: string;
  let notificationId: string;
  let readableNotificationId: string;
  const slackUrl = `/services/T0001/B0001/${randomBytes(12).toString('hex')}`;
  const readableSlackUrl = `/services/T0002/B0002/${randomBytes(12).toString('hex')}`;
  const message = (route: string) =>
    JSON.stringify({ status: 'firing', route, groupKey: '{}', groupLabels: {}, commonLabels: {}, alerts: [] });

  // The app that seals the rows runs no pollers (role api): what it seals must reach the next app unsent.
  const boot = (keys: string, role: 'api' | 'all'): Promise<TestApp> =>
    startSealingApp({ databaseUrl: database.url, keys, receiverHost: new URL(base).host, role });
  const addNotification = async (sealing: TestApp, path: string, group: string): Promise<string> => {
    const notification = AlertNotification.record({
      projectId,
      routeId,
      groupKey: JSON.stringify({ group }),
      receiver: { type: 'slack', url: `${base}${path}` },
      body: message('on-call'),
      at: new Date(),
    });
    await sealing.app.get(AlertNotificationRepository, { strict: false }).add([notification]);
    return notification.id;
  };
  const loginTo = async (url: string): Promise<Client> => {
    const anonymous = new Client(url);
    return anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  };

  beforeAll(async () => {
    base = `http://127.0.0.1:${await receiver.start()}`;
    database = await ExternalPostgres.create('');
    const before = await boot(OLD_KEY, 'api');
    try {
      const client = await loginTo(before.url);
      projectId = (await client.call('POST', '/api/v1/projects', { name: `unreadable-${Date.now()}` })).body.id;
      webhookId = (
        await client.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
          url: `${base}/hook`,
          eventTypes: ['monitoring.*'],
        })
      ).body.id;
      doomedId = (
        await client.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
          url: `${base}/doomed`,
          eventTypes: ['monitoring.*'],
        })
      ).body.id;
      routeId = (
        await client.call('POST', `/api/v1/projects/${projectId}/alert-routes`, {
          name: 'on-call',
          receivers: [
            { type: 'slack', url: `${base}${slackUrl}` },
            { type: 'webhook', webhookId },
          ],
        })
      ).body.id;
      notificationId = await addNotification(before, slackUrl, 'sealed under k1');
    } finally {
      await before.close();
    }
    // One sealed under the new key, due in the same round as the other: that round must send it.
    const sealer = await boot(NEW_KEY, 'api');
    readableNotificationId = await addNotification(sealer, readableSlackUrl, 'sealed under k2').finally(() =>
      sealer.close(),
    );
    // k1 dropped before its rows were resealed: nothing this app holds opens them.
    app = await boot(NEW_KEY, 'all');
    admin = await loginTo(app.url);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await receiver.stop();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const errorsNaming = (spy: { mock: { calls: unknown[][] } }, id: string): unknown[][] =>
    spy.mock.calls.filter(([message]) => String(message).includes(id));

  it("lists the project's webhooks and answers one without its secret, marked unreadable, logging it once", async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const listed = await admin.call('GET', `/api/v1/projects/${projectId}/webhooks`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: webhookId, secretUnreadable: true }),
      expect.objectContaining({ id: doomedId, secretUnreadable: true }),
    ]);
    const one = await admin.call('GET', `/api/v1/webhooks/${webhookId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(expect.objectContaining({ id: webhookId, url: `${base}/hook`, secretUnreadable: true }));
    expect(one.body).not.toHaveProperty('secret');
    expect((await admin.call('GET', `/api/v1/webhooks/${webhookId}/deliveries`)).status).toBe(200);
    expect(JSON.stringify([listed.body, one.body])).not.toContain('enc:');
    expect(errorsNaming(errors, webhookId)).toHaveLength(1);
    expect(String(errorsNaming(errors, webhookId)[0][0])).toMatch(/key "k1"/);
  });

  it("answers a route's and a notification's Slack receiver without its URL, marked unreadable", async () => {
    const routes = await admin.call('GET', `/api/v1/projects/${projectId}/alert-routes`);
    expect(routes.status).toBe(200);
    expect(routes.body.items).toEqual([
      expect.objectContaining({
        id: routeId,
        receivers: [
          { type: 'slack', urlUnreadable: true },
          { type: 'webhook', webhookId },
        ],
      }),
    ]);
    const notifications = await admin.call('GET', `/api/v1/projects/${projectId}/alert-notifications`);
    expect(notifications.status).toBe(200);
    const unreadable = (notifications.body.items as { id: string }[]).filter(({ id }) => id === notificationId);
    expect(unreadable).toEqual([
      expect.objectContaining({ id: notificationId, receiver: { type: 'slack', urlUnreadable: true } }),
    ]);
    expect(JSON.stringify([routes.body, unreadable])).not.toMatch(/enc:|\/services\//);
  });

  it('sends the notifications whose receiver opens, leaving the one whose Slack URL does not unsent and pending', async () => {
    await waitFor(() => Promise.resolve(receiver.at(readableSlackUrl).length === 1), {
      timeoutMs: 15_000,
      intervalMs: 20,
      what: 'the notification whose Slack URL opens',
    });
    expect(receiver.at(slackUrl)).toEqual([]);
    const listed = await admin.call('GET', `/api/v1/projects/${projectId}/alert-notifications`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: notificationId, status: 'pending', attempts: [] }),
      expect.objectContaining({ id: readableNotificationId, status: 'delivered' }),
    ]);
  });

  it('changes a webhook whose secret is unreadable, and a rotated secret signs its deliveries again', async () => {
    const storedSecret = async (): Promise<string> =>
      (
        await database.client.query<{ secret: string }>(
          'SELECT secret FROM monitoring.webhook_subscriptions WHERE id = $1',
          [webhookId],
        )
      ).rows[0].secret;
    const sealedUnderOldKey = await storedSecret();
    const changed = await admin.call('PATCH', `/api/v1/webhooks/${webhookId}`, { description: 'recovered' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual(expect.objectContaining({ description: 'recovered', secretUnreadable: true }));
    // Kept as stored: putting k1 back would open it again.
    expect(await storedSecret()).toBe(sealedUnderOldKey);
    // A ping now would wait unsent: nothing is signed without a secret.
    const refused = await admin.call('POST', `/api/v1/webhooks/${webhookId}/test`);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/\/webhook-secret-unreadable$/);

    const rotated = await admin.call('POST', `/api/v1/webhooks/${webhookId}/secret`);
    expect(rotated.status).toBe(200);
    expect((await admin.call('GET', `/api/v1/webhooks/${webhookId}`)).body).not.toHaveProperty('secretUnreadable');
    expect((await admin.call('POST', `/api/v1/webhooks/${webhookId}/test`)).status).toBe(202);
    const delivery = await waitFor(() => Promise.resolve(receiver.at('/hook')[0]), {
      timeoutMs: 15_000,
      intervalMs: 20,
      what: 'the ping signed with the rotated secret',
    });
    expect(signatureIsValid(delivery.headers['webhook-signature'] as string, delivery.body, rotated.body.secret)).toBe(
      true,
    );
  });

  it('deletes a webhook whose secret is unreadable', async () => {
    expect((await admin.call('DELETE', `/api/v1/webhooks/${doomedId}`)).status).toBe(204);
    expect((await admin.call('GET', `/api/v1/webhooks/${doomedId}`)).status).toBe(404);
  });
});
