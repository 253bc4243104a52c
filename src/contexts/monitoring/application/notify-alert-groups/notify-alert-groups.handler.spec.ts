import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import {
  InMemoryGroups,
  InMemoryInhibitionRules,
  InMemoryNotifications,
  InMemoryRoutes,
  InMemorySilences,
} from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { ACTOR, fakeWebhookPorts, FakeUrlPolicy, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import type { Alert } from '../../domain/alerts/alert.js';
import { fingerprintOf } from '../../domain/alerts/labels.js';
import { createAlertRoute } from '../../domain/notifications/alert-route.js';
import { createInhibitionRule } from '../../domain/notifications/inhibition-rule.js';
import { createSilence } from '../../domain/notifications/silence.js';
import { ALERT_GROUP_EVENT_TYPE, NotifyAlertGroupsHandler } from './notify-alert-groups.handler.js';

describe('NotifyAlertGroupsHandler', () => {
  const build = async () => {
    const alerting = fakeAlertingPorts();
    const webhooks = fakeWebhookPorts();
    webhooks.clock.at = alerting.clock.at;
    const subscription = await aStoredSubscription(webhooks);
    const routes = new InMemoryRoutes();
    const silences = new InMemorySilences();
    const inhibitions = new InMemoryInhibitionRules();
    const groups = new InMemoryGroups();
    const notifications = new InMemoryNotifications();
    const route = createAlertRoute(
      {
        projectId: PROJECT,
        name: 'on-call',
        matchers: [{ name: 'team', op: '=', value: 'ml' }],
        receivers: [
          { type: 'webhook', webhookId: subscription.id },
          { type: 'email', to: ['oncall@example.org'] },
        ],
        groupBy: ['alertname'],
        groupWait: '10s',
        groupInterval: '1m',
        repeatInterval: '1h',
        createdBy: ACTOR,
        at: alerting.clock.now(),
      },
      new FakeUrlPolicy(),
    );
    await routes.add(route);
    const handler = new NotifyAlertGroupsHandler(
      alerting.transaction,
      routes,
      alerting.alerts,
      silences,
      inhibitions,
      groups,
      notifications,
      webhooks.subscriptions,
      webhooks.deliveries,
      alerting.clock,
    );
    const clock = alerting.clock;
    const setAlert = (name: string, state: 'firing' | 'resolved', team = 'ml', severity = 'warning') => {
      const labels = { alertname: name, team, severity };
      const alert: Alert = {
        id: `00000000-0000-7000-8000-${name.padStart(12, '0')}`,
        ruleId: '0193a000-0000-7000-8000-0000000000r1',
        projectId: PROJECT,
        fingerprint: fingerprintOf(labels),
        labels,
        status: { state, activeSince: clock.now(), lastMetAt: clock.now() },
        value: 1,
        annotations: {},
        lineage: [],
        updatedAt: clock.now(),
      };
      void alerting.alerts.save([alert], []);
    };
    return { handler, clock, setAlert, notifications, webhooks, groups, silences, inhibitions, route, subscription };
  };

  it('waits groupWait, then tells each receiver once per group, the webhook through a signed delivery', async () => {
    const { handler, clock, setAlert, notifications, webhooks, subscription } = await build();
    setAlert('a', 'firing');
    setAlert('b', 'firing');
    setAlert('c', 'firing', 'web');
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    clock.advance(10_000);
    expect(await handler.execute({})).toEqual({ notifications: 4 });
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    const emails = notifications.rows.filter((row) => row.snapshot.receiver.type === 'email');
    expect(emails.map((row) => row.snapshot.status)).toEqual(['pending', 'pending']);
    const deliveries = [...webhooks.deliveries.rows.values()];
    expect(deliveries.map((delivery) => delivery.snapshot.subscriptionId)).toEqual([subscription.id, subscription.id]);
    expect(deliveries[0].snapshot.eventType).toBe(ALERT_GROUP_EVENT_TYPE);
    const handedOver = notifications.rows.filter((row) => row.snapshot.status === 'handed-over');
    expect(handedOver.map((row) => row.snapshot.webhookDeliveryId).sort()).toEqual(
      deliveries.map((delivery) => delivery.id).sort(),
    );
    const message = JSON.parse(emails[0].snapshot.body) as { status: string; alerts: unknown[] };
    expect(message).toMatchObject({ status: 'firing', groupLabels: { alertname: 'a' } });
  });

  it('repeats after repeatInterval, tells a resolution once, and forgets the group after', async () => {
    const { handler, clock, setAlert, groups, route } = await build();
    setAlert('a', 'firing');
    await handler.execute({});
    clock.advance(10_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    clock.advance(3_599_000);
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    clock.advance(1_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    setAlert('a', 'resolved');
    clock.advance(60_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    expect(groups.states.get(route.id)?.size).toBe(0);
  });

  it('tells nothing of silenced alerts, but tells their resolution once the silence is over', async () => {
    const { handler, clock, setAlert, silences, notifications } = await build();
    setAlert('a', 'firing');
    await handler.execute({});
    clock.advance(10_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    const silence = createSilence({
      projectId: PROJECT,
      matchers: [{ name: 'alertname', op: '=', value: 'a' }],
      endsAt: new Date(clock.now().getTime() + 3 * 3_600_000),
      createdBy: ACTOR,
      at: clock.now(),
    });
    await silences.add(silence);
    clock.advance(2 * 3_600_000);
    // Past repeatInterval and more: muted.
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    await silences.expire(PROJECT, silence.id, clock.now());
    setAlert('a', 'resolved');
    clock.advance(1_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    const last = notifications.rows[notifications.rows.length - 1];
    expect(JSON.parse(last.snapshot.body)).toMatchObject({ status: 'resolved' });
  });

  it('tells nothing of an alert a firing critical one of the same team inhibits', async () => {
    const { handler, clock, setAlert, inhibitions, notifications } = await build();
    await inhibitions.add(
      createInhibitionRule({
        projectId: PROJECT,
        sourceMatchers: [{ name: 'severity', op: '=', value: 'critical' }],
        targetMatchers: [{ name: 'severity', op: '=', value: 'warning' }],
        equal: ['team'],
        createdBy: ACTOR,
        at: clock.now(),
      }),
    );
    setAlert('down', 'firing', 'ml', 'critical');
    setAlert('slow', 'firing', 'ml', 'warning');
    await handler.execute({});
    clock.advance(10_000);
    expect(await handler.execute({})).toEqual({ notifications: 2 });
    const told = notifications.rows.map((row) => (JSON.parse(row.snapshot.body) as { groupKey: string }).groupKey);
    expect(new Set(told)).toEqual(new Set(['["down"]']));
  });

  it('leaves a route held by another notifier alone this round', async () => {
    const { handler, clock, setAlert, groups, route } = await build();
    groups.heldElsewhere.add(route.id);
    setAlert('a', 'firing');
    clock.advance(60_000);
    expect(await handler.execute({})).toEqual({ notifications: 0 });
    expect(groups.states.size).toBe(0);
  });
});
