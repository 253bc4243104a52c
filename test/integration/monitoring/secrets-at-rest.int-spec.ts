import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SealedSecretStores } from '@libs/platform';
import { waitFor, type TestApp } from '@libs/testing';
import { DataSource } from 'typeorm';
import type { AlertGroupMessage } from '../../../src/contexts/monitoring/application/services/alert-group-message.js';
import { AlertNotification } from '../../../src/contexts/monitoring/domain/notifications/alert-notification.js';
import { AlertNotificationRepository } from '../../../src/contexts/monitoring/domain/notifications/notifications.repository.js';
import { ExternalPostgres } from '../../support/data-pipeline/external-postgres.js';
import { startSealingApp } from '../../support/monitoring/sealing-app.js';
import { signatureIsValid, WebhookReceiver, type ReceivedDelivery } from '../../support/monitoring/webhook-receiver.js';
import { ADMIN, Client } from '../../e2e/user-management/auth-client.js';

const KEY = `k1:${randomBytes(32).toString('base64')}`;
const MESSAGE: AlertGroupMessage = {
  status: 'firing',
  route: 'ml on-call',
  groupKey: '{}:{alertname="TrainingFails"}',
  groupLabels: { alertname: 'TrainingFails' },
  commonLabels: { alertname: 'TrainingFails' },
  alerts: [],
};

/**
 * Secrets at rest (docs/adr/0015): what PostgreSQL holds of a webhook's signing secret and of a
 * Slack receiver's URL is sealed, and the workers still sign and post with the real values.
 */
describe('secrets stored sealed in the monitoring schema', () => {
  const receiver = new WebhookReceiver();
  // A database of the file's own: re-sealing walks whole tables, and rows other files of this worker
  // sealed with the development key are no business of this app's key.
  let database: ExternalPostgres;
  let app: TestApp;
  let sql: DataSource;
  let admin: Client;
  let projectId: string;
  let base: string;

  beforeAll(async () => {
    const port = await receiver.start();
    base = `http://127.0.0.1:${port}`;
    database = await ExternalPostgres.create('');
    app = await startSealingApp({ databaseUrl: database.url, keys: KEY, receiverHost: `127.0.0.1:${port}` });
    sql = app.app.get(DataSource);
    const anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    projectId = (await admin.call('POST', '/api/v1/projects', { name: `sealed-${Date.now()}` })).body.id as string;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await receiver.stop();
  });

  const firstAt = (path: string): Promise<ReceivedDelivery> =>
    waitFor(() => Promise.resolve(receiver.at(path)[0]), { timeoutMs: 15_000, intervalMs: 20, what: path });
  /** A column of one row as PostgreSQL holds it: what a dump or a read-only SQL user sees. */
  const stored = async (table: string, column: string, id: string): Promise<string> =>
    (
      await sql.query<{ value: string }[]>(`SELECT ${column}::text AS value FROM monitoring.${table} WHERE id = $1`, [
        id,
      ])
    )[0].value;
  const storedSecret = (webhookId: string) => stored('webhook_subscriptions', 'secret', webhookId);
  const ping = (webhookId: string) => admin.call('POST', `/api/v1/webhooks/${webhookId}/test`);

  it('stores a webhook signing secret sealed, shows it once, and signs deliveries with it', async () => {
    const created = await admin.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: `${base}/sealed`,
      eventTypes: ['monitoring.*'],
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    const stored = await storedSecret(created.body.id);
    expect(stored).toMatch(/^enc:v1:k1:/);
    expect(stored).not.toContain(secret.slice('whsec_'.length));
    expect((await admin.call('GET', `/api/v1/webhooks/${created.body.id}`)).body).not.toHaveProperty('secret');

    expect((await ping(created.body.id)).status).toBe(202);
    const delivery = await firstAt('/sealed');
    expect(signatureIsValid(delivery.headers['webhook-signature'] as string, delivery.body, secret)).toBe(true);
  });

  it('signs with a secret stored in clear before encryption, and secrets:reseal seals it', async () => {
    const created = await admin.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: `${base}/legacy`,
      eventTypes: ['monitoring.*'],
    });
    const legacy = `whsec_${randomBytes(32).toString('base64url')}`;
    await sql.query('UPDATE monitoring.webhook_subscriptions SET secret = $2 WHERE id = $1', [created.body.id, legacy]);
    await ping(created.body.id);
    const before = await firstAt('/legacy');
    expect(signatureIsValid(before.headers['webhook-signature'] as string, before.body, legacy)).toBe(true);

    const report = await app.app.get(SealedSecretStores).resealAll();
    expect(report.find(({ name }) => name === 'monitoring.webhook_subscriptions.secret')?.resealed).toBeGreaterThan(0);
    expect(await storedSecret(created.body.id)).toMatch(/^enc:v1:k1:/);
    expect((await app.app.get(SealedSecretStores).resealAll()).every(({ resealed }) => resealed === 0)).toBe(true);

    await ping(created.body.id);
    const after = await waitFor(() => Promise.resolve(receiver.at('/legacy')[1]), {
      timeoutMs: 15_000,
      intervalMs: 20,
      what: 'the second ping',
    });
    expect(signatureIsValid(after.headers['webhook-signature'] as string, after.body, legacy)).toBe(true);
  });

  it("stores a Slack receiver's URL sealed in its route and its notifications, and still posts to it", async () => {
    const url = `${base}/services/T0001/B0001/${randomBytes(12).toString('hex')}`;
    const route = await admin.call('POST', `/api/v1/projects/${projectId}/alert-routes`, {
      name: 'slack on-call',
      receivers: [{ type: 'slack', url }],
    });
    expect(route.status).toBe(201);
    const receivers = await stored('alert_routes', 'receivers', route.body.id);
    expect(receivers).not.toContain('/services/');
    expect(JSON.parse(receivers)).toEqual([{ type: 'slack', url: expect.stringMatching(/^enc:v1:k1:/) }]);
    // As before encryption, the project's editors read their route's receivers back.
    const routes = await admin.call('GET', `/api/v1/projects/${projectId}/alert-routes`);
    expect(routes.body.items).toContainEqual(expect.objectContaining({ receivers: [{ type: 'slack', url }] }));

    const notification = AlertNotification.record({
      projectId,
      routeId: route.body.id,
      groupKey: MESSAGE.groupKey,
      receiver: { type: 'slack', url },
      body: JSON.stringify(MESSAGE),
      at: new Date(),
    });
    await app.app.get(AlertNotificationRepository, { strict: false }).add([notification]);
    expect(await stored('alert_notifications', 'receiver', notification.id)).not.toContain('/services/');

    const posted = await firstAt(new URL(url).pathname);
    expect(JSON.parse(posted.body)).toEqual({ text: expect.stringContaining('TrainingFails') });
  });

  it('refuses to open a sealed secret copied into another row', async () => {
    const [first, second] = await Promise.all(
      ['/copied-a', '/copied-b'].map(async (path) =>
        admin.call('POST', `/api/v1/projects/${projectId}/webhooks`, {
          url: `${base}${path}`,
          eventTypes: ['monitoring.*'],
        }),
      ),
    );
    await sql.query('UPDATE monitoring.webhook_subscriptions SET secret = $2 WHERE id = $1', [
      second.body.id,
      await storedSecret(first.body.id),
    ]);
    // Shown without it, marked (a 500 before): the project can still see the webhook and rotate its secret.
    const copied = await admin.call('GET', `/api/v1/webhooks/${second.body.id}`);
    expect(copied.status).toBe(200);
    expect(copied.body).toMatchObject({ id: second.body.id, secretUnreadable: true });
    const original = await admin.call('GET', `/api/v1/webhooks/${first.body.id}`);
    expect(original.status).toBe(200);
    expect(original.body).not.toHaveProperty('secretUnreadable');
  });
});
