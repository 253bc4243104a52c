import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { SmtpInbox } from '../../support/monitoring/smtp-inbox.js';
import { signatureIsValid, WebhookReceiver } from '../../support/monitoring/webhook-receiver.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../user-management/auth-client.js';
import { createWorkflow, waitForRun } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const REPEAT_MS = 1500;

describe('alert notifications: routes, grouping, repeats, silences', () => {
  const receiver = new WebhookReceiver();
  const inbox = new SmtpInbox();
  let app: TestApp;
  let owner: NewUser;
  let stranger: NewUser;
  let projectId: string;
  let base: string;

  beforeAll(async () => {
    const [webPort, smtpPort] = [await receiver.start(), await inbox.start()];
    base = `http://127.0.0.1:${webPort}`;
    // Evaluation every 100 ms, deliveries polled every 20 ms: the timings below are the route's, not sleeps.
    Object.assign(process.env, FAST_AUTH_ENV, {
      ALERT_EVAL_INTERVAL_MS: '100',
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${webPort}`,
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ALERT_EMAIL_FROM: 'alerts@ml-platform.test',
    });
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,workflow-engine,monitoring',
    });
    const anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    owner = await newUser(admin, anonymous);
    stranger = await newUser(admin, anonymous);
    projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `notify-${Date.now()}` })).body.id;
  });
  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  const call = (method: string, path: string, body?: object) => owner.client.call(method, path, body);
  const bodies = (): Json[] => receiver.at('/alerts').map((delivery) => JSON.parse(delivery.body));
  const alertOf = async (ruleId: string): Promise<Json> =>
    ((await call('GET', `/api/v1/projects/${projectId}/alerts`)).body.items as Json[]).find(
      (alert) => alert.ruleId === ruleId,
    );

  it('refuses a route to another project’s webhook or to a bad receiver, and a silence without matchers', async () => {
    const foreignProject = (await stranger.client.call('POST', '/api/v1/projects', { name: 'theirs' })).body.id;
    const foreign = await stranger.client.call('POST', `/api/v1/projects/${foreignProject}/webhooks`, {
      url: `${base}/theirs`,
      eventTypes: ['model-registry.*'],
    });
    const route = (receivers: object[]) =>
      call('POST', `/api/v1/projects/${projectId}/alert-routes`, { name: 'r', receivers });
    const refused = [
      await route([{ type: 'webhook', webhookId: foreign.body.id }]),
      await route([{ type: 'email', to: ['not an address'] }]),
      await route([{ type: 'slack', url: 'https://10.0.0.1/hook' }]),
      await route([{ type: 'pager' }]),
      await route([]),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400]);
    expect(refused[0].body.type).toMatch(/alert-route-invalid$/);
    const silence = await call('POST', `/api/v1/projects/${projectId}/silences`, {
      matchers: [],
      endsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(silence.status).toBe(400);
    const badPattern = await call('POST', `/api/v1/projects/${projectId}/silences`, {
      matchers: [{ name: 'alertname', op: '=~', value: 'training (' }],
      endsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(badPattern.status).toBe(400);
    expect((badPattern.body.errors as { field: string }[]).map((problem) => problem.field)).toEqual([
      'matchers[0].value',
    ]);
    expect((await stranger.client.call('GET', `/api/v1/projects/${projectId}/silences`)).status).toBe(404);

    const inhibitions = `/api/v1/projects/${projectId}/inhibition-rules`;
    expect((await call('POST', inhibitions, { sourceMatchers: [], targetMatchers: [] })).status).toBe(400);
    const inhibition = await call('POST', inhibitions, {
      sourceMatchers: [{ name: 'severity', op: '=', value: 'critical' }],
      targetMatchers: [{ name: 'severity', op: '=', value: 'warning' }],
      equal: ['workflowId'],
    });
    expect(inhibition.status).toBe(201);
    expect((await call('GET', inhibitions)).body.items).toEqual([inhibition.body]);
    expect((await stranger.client.call('DELETE', `${inhibitions}/${inhibition.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `${inhibitions}/${inhibition.body.id}`)).status).toBe(204);
  });

  it('notifies a signed webhook and an SMTP inbox once per group, repeats, is muted by a silence, and tells the resolution', async () => {
    const webhook = await call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: `${base}/alerts`,
      eventTypes: ['model-registry.model.registered.v1'],
    });
    // The alert events themselves, to a webhook subscribed to them (no route needed).
    const eventHook = await call('POST', `/api/v1/projects/${projectId}/webhooks`, {
      url: `${base}/alert-events`,
      eventTypes: ['monitoring.*'],
    });
    expect(eventHook.status).toBe(201);
    const route = await call('POST', `/api/v1/projects/${projectId}/alert-routes`, {
      name: 'ml on-call',
      // A regular expression matches the whole value, as in Alertmanager: `ml|data` takes team=ml.
      matchers: [{ name: 'team', op: '=~', value: 'ml|data' }],
      receivers: [
        { type: 'webhook', webhookId: webhook.body.id },
        { type: 'email', to: ['oncall@example.org'] },
      ],
      groupBy: ['alertname'],
      groupWait: '200ms',
      groupInterval: '300ms',
      repeatInterval: `${REPEAT_MS}ms`,
    });
    expect(route.status).toBe(201);

    const workflowId = await createWorkflow(owner.client, projectId, {
      name: `flaky-${Date.now()}`,
      params: { type: 'object', properties: { ms: { type: 'integer' } } },
      tasks: [{ id: 'wait', type: 'sleep', params: { ms: '${{ params.ms }}' } }],
    });
    const run = async (ms: number, state: string) => {
      const started = await call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: { ms } });
      expect((await waitForRun(owner.client, started.body.id)).state).toBe(state);
    };
    const rule = await call('POST', `/api/v1/projects/${projectId}/alert-rules`, {
      name: 'training keeps failing',
      expr: { signal: 'workflow.failure_rate', window: '1h', filter: { workflowId }, op: '>', threshold: 0.5 },
      for: '1s',
      labels: { team: 'ml' },
      annotations: { summary: 'failure rate {{ $value }}' },
    });
    const ruleId = rule.body.id as string;
    await run(-1, 'failed');
    await run(-1, 'failed');

    // The first notification, signed, at both receivers.
    const first = await waitFor(() => (receiver.at('/alerts').length > 0 ? receiver.at('/alerts')[0] : undefined), {
      timeoutMs: 20_000,
      intervalMs: 20,
      what: 'the first webhook notification',
    });
    expect(signatureIsValid(first.headers['webhook-signature'] as string, first.body, webhook.body.secret)).toBe(true);
    expect(first.headers['webhook-event-type']).toBe('monitoring.alert-group.notified');
    const message = JSON.parse(first.body).payload;
    expect(message).toMatchObject({
      status: 'firing',
      route: 'ml on-call',
      groupLabels: { alertname: 'training keeps failing' },
      commonLabels: { team: 'ml', workflowId },
    });
    expect(message.alerts).toEqual([
      expect.objectContaining({ status: 'firing', ruleId, value: 1, annotations: { summary: 'failure rate 1' } }),
    ]);
    await waitFor(() => (inbox.received.length > 0 ? true : undefined), { timeoutMs: 10_000, what: 'the first email' });
    expect(inbox.received[0]).toMatchObject({ from: 'alerts@ml-platform.test', to: ['oncall@example.org'] });
    expect(inbox.subjects()[0]).toBe('[FIRING:1] training keeps failing');

    // Repeated after repeatInterval, and not before: the group is told once per interval, not per evaluation.
    const second = await waitFor(() => receiver.at('/alerts')[1], {
      timeoutMs: 20_000,
      intervalMs: 20,
      what: 'the repeated notification',
    });
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(REPEAT_MS - 200);
    expect(JSON.parse(second.body).payload.status).toBe('firing');
    await waitFor(() => (inbox.received.length >= 2 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the repeat email',
    });

    // A silence mutes it: evaluations go on past another repeatInterval and nothing more is sent.
    const silence = await call('POST', `/api/v1/projects/${projectId}/silences`, {
      matchers: [{ name: 'alertname', op: '=~', value: 'training .*' }],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      comment: 'known: fixing the params',
    });
    expect(silence.status).toBe(201);
    const [sentBefore, mailedBefore] = [receiver.at('/alerts').length, inbox.received.length];
    const silencedAt = Date.now();
    await waitFor(
      async () => {
        const alert = await alertOf(ruleId);
        return new Date(alert.updatedAt).getTime() > silencedAt + 2 * REPEAT_MS ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'evaluations past two repeat intervals of the silence' },
    );
    // A notification recorded just before the silence may still arrive; none is recorded after it.
    expect(receiver.at('/alerts').length).toBeLessThanOrEqual(sentBefore + 1);
    expect(inbox.received.length).toBeLessThanOrEqual(mailedBefore + 1);
    expect(receiver.at('/alerts').every((delivery) => delivery.receivedAt < silencedAt + 500)).toBe(true);

    // Expired, the silence lets the group speak again; successes resolve the alert and that is told too.
    expect((await call('DELETE', `/api/v1/projects/${projectId}/silences/${silence.body.id}`)).status).toBe(204);
    for (let index = 0; index < 2; index += 1) await run(1, 'succeeded');
    await waitFor(() => (bodies().some((body) => body.payload.status === 'resolved') ? true : undefined), {
      timeoutMs: 20_000,
      intervalMs: 20,
      what: 'the resolved notification',
    });
    const resolved = bodies().find((body) => body.payload.status === 'resolved');
    expect(resolved.payload.alerts).toEqual([expect.objectContaining({ status: 'resolved', ruleId })]);
    await waitFor(() => (inbox.subjects().some((subject) => subject.startsWith('[RESOLVED:0]')) ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the resolved email',
    });

    const events = await waitFor(
      () => (receiver.at('/alert-events').length >= 2 ? receiver.at('/alert-events') : undefined),
      { timeoutMs: 10_000, what: 'the firing and resolved events' },
    );
    // Webhook deliveries are independent of each other: the two may arrive in either order.
    const eventBodies: Json[] = events.map((delivery) => JSON.parse(delivery.body));
    expect(eventBodies.map((body) => body.type).sort()).toEqual([
      'monitoring.alert.firing.v1',
      'monitoring.alert.resolved.v1',
    ]);
    expect(eventBodies.find((body) => body.type === 'monitoring.alert.firing.v1').payload).toMatchObject({
      ruleId,
      projectId,
      value: 1,
    });

    // Every transition is in the history; every notification with its attempts in the notification list.
    const history = await call('GET', `/api/v1/projects/${projectId}/alert-history?rule=${ruleId}`);
    expect((history.body.items as Json[]).map((t) => `${t.from}->${t.to}`)).toEqual([
      'inactive->pending',
      'pending->firing',
      'firing->resolved',
    ]);
    const notifications = (await call('GET', `/api/v1/projects/${projectId}/alert-notifications?limit=100`)).body
      .items as Json[];
    const emails = notifications.filter((notification) => notification.receiver.type === 'email');
    expect(emails.length).toBe(inbox.received.length);
    expect(emails.every((email) => email.status === 'delivered' && email.attempts.length === 1)).toBe(true);
    const handedOver = notifications.filter((notification) => notification.receiver.type === 'webhook');
    expect(handedOver.every((notification) => notification.status === 'handed-over')).toBe(true);
    const deliveries = (await call('GET', `/api/v1/webhooks/${webhook.body.id}/deliveries?limit=100`)).body
      .items as Json[];
    expect(deliveries.map((delivery) => delivery.id).sort()).toEqual(
      handedOver.map((notification) => notification.webhookDeliveryId).sort(),
    );
    expect(deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
  });
});
