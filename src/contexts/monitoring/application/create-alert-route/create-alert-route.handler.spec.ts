import { describe, expect, it } from '@jest/globals';
import { InMemoryRoutes } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import {
  ACTOR,
  fakeWebhookPorts,
  FakeUrlPolicy,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { AlertRouteInvalid } from '../../domain/notifications/alert-route.js';
import { CreateAlertRouteHandler } from './create-alert-route.handler.js';

describe('CreateAlertRouteHandler', () => {
  const build = () => {
    const ports = fakeWebhookPorts();
    const routes = new InMemoryRoutes();
    const handler = new CreateAlertRouteHandler(routes, ports.subscriptions, new FakeUrlPolicy(), ports.clock);
    return { ports, routes, handler };
  };

  it('stores a route to the project’s webhook with Alertmanager’s default timings', async () => {
    const { ports, routes, handler } = build();
    const webhook = await aStoredSubscription(ports);
    const route = await handler.execute({
      projectId: PROJECT,
      name: 'on-call',
      receivers: [{ type: 'webhook', webhookId: webhook.id }],
      actorId: ACTOR,
    });
    expect(route).toMatchObject({ groupWaitMs: 30_000, groupIntervalMs: 300_000, repeatIntervalMs: 14_400_000 });
    expect(routes.rows.get(route.id)).toEqual(route);
  });

  it('refuses another project’s webhook, a private Slack URL and a bad duration, storing nothing', async () => {
    const { ports, routes, handler } = build();
    const theirs = await aStoredSubscription(ports, { projectId: OTHER_PROJECT });
    const create = (receivers: unknown, extra: object = {}) =>
      handler.execute({ projectId: PROJECT, name: 'r', receivers, actorId: ACTOR, ...extra });
    await expect(create([{ type: 'webhook', webhookId: theirs.id }])).rejects.toThrow(AlertRouteInvalid);
    await expect(create([{ type: 'slack', url: 'https://10.1.2.3/hook' }])).rejects.toThrow(/private/);
    await expect(create([{ type: 'email', to: ['a@example.org'] }], { groupWait: 'soon' })).rejects.toThrow(
      /groupWait/,
    );
    expect(routes.rows.size).toBe(0);
  });
});
