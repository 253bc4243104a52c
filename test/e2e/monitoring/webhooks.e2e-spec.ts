import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { signatureIsValid, WebhookReceiver } from '../../support/monitoring/webhook-receiver.js';
import { newUser, type NewUser } from '../user-management/auth-client.js';
import { Redis } from 'ioredis';
import { sql } from '../workflow-database.js';
import { succeededEventOf } from '../workflow-events.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const RUN_SUCCEEDED = 'workflow-engine.workflow-run.succeeded.v1';
const FAN_OUT = 'monitoring.webhooks-from-workflow-engine';

describe('event webhooks', () => {
  const receiver = new WebhookReceiver();
  let world: WorkflowWorld;
  let base: string;
  let stranger: NewUser;
  let strangerProject: string;

  beforeAll(async () => {
    const port = await receiver.start();
    base = `http://127.0.0.1:${port}`;
    // Backoff and polling in milliseconds: the retries of these tests happen within a second.
    world = await startWorkflowWorld(
      {
        OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}`,
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_BACKOFF_BASE_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '5',
        WEBHOOK_POLL_INTERVAL_MS: '20',
      },
      'user-management,workflow-engine,monitoring',
    );
    stranger = await newUser(world.admin, world.anonymous);
    strangerProject = (await stranger.client.call('POST', '/api/v1/projects', { name: `other-${Date.now()}` })).body.id;
  });
  afterAll(async () => {
    await world.app.close();
    await receiver.stop();
  });

  const subscribe = async (path: string, eventTypes: string[]): Promise<Json> => {
    const created = await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/webhooks`, {
      url: `${base}${path}`,
      eventTypes,
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const runOnce = async (client = world.owner.client, projectId = world.projectId): Promise<string> => {
    const workflow = await createWorkflow(client, projectId, {
      name: `w-${Date.now()}-${Math.random()}`,
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const started = await client.call('POST', `/api/v1/workflows/${workflow}/runs`, {});
    expect((await waitForRun(client, started.body.id)).state).toBe('succeeded');
    return started.body.id as string;
  };
  const deliveriesOf = async (webhookId: string): Promise<Json[]> =>
    (await world.owner.client.call('GET', `/api/v1/webhooks/${webhookId}/deliveries?limit=100`)).body.items;
  /** Waits until the fan-out consumer committed the run's events: every decision about them is made. */
  const fannedOut = (runId: string) =>
    waitFor(
      async () => {
        const rows = await sql(
          `SELECT 1 FROM monitoring.inbox i JOIN workflow_engine.outbox o ON o.id = i.event_id
           WHERE i.consumer = $1 AND o.type = $2 AND o.envelope->'payload'->>'runId' = $3`,
          [FAN_OUT, RUN_SUCCEEDED, runId],
        );
        return rows.length > 0 ? true : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: `the fan-out of run ${runId}` },
    );

  it('delivers each subscribed event once, signed, and nothing else, nor another project’s events', async () => {
    const exact = await subscribe('/exact', [RUN_SUCCEEDED]);
    const wildcard = await subscribe('/all', ['workflow-engine.*']);
    expect(exact.secret).toMatch(/^whsec_/);
    // The secret is shown once: reading the webhook never answers it.
    const read = await world.owner.client.call('GET', `/api/v1/webhooks/${exact.id}`);
    expect(read.body).toMatchObject({ id: exact.id, eventTypes: [RUN_SUCCEEDED], active: true });
    expect(read.body.secret).toBeUndefined();

    const foreignRun = await runOnce(stranger.client, strangerProject);
    const runId = await runOnce();
    await fannedOut(foreignRun);
    await fannedOut(runId);
    await waitFor(
      async () => {
        const all = await deliveriesOf(wildcard.id);
        const mine = await deliveriesOf(exact.id);
        return [...all, ...mine].every((delivery) => delivery.status === 'delivered') && mine.length > 0
          ? true
          : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'the deliveries' },
    );

    const exactBodies = receiver.at('/exact').map((delivery) => JSON.parse(delivery.body));
    expect(exactBodies).toEqual([
      expect.objectContaining({
        type: RUN_SUCCEEDED,
        projectId: world.projectId,
        payload: expect.objectContaining({ runId }),
      }),
    ]);
    const allBodies = receiver.at('/all').map((delivery) => JSON.parse(delivery.body));
    expect(allBodies.map((body) => body.type).sort()).toEqual(
      ['workflow-engine.task-run.succeeded.v1', 'workflow-engine.workflow-run.started.v1', RUN_SUCCEEDED].sort(),
    );
    expect(new Set(allBodies.map((body) => body.id)).size).toBe(3);
    expect(allBodies.every((body) => body.payload.runId === runId)).toBe(true);

    for (const [path, secret] of [
      ['/exact', exact.secret],
      ['/all', wildcard.secret],
    ] as const) {
      for (const delivery of receiver.at(path)) {
        expect(delivery.headers['content-type']).toBe('application/json');
        expect(delivery.headers['webhook-event-type']).toBe(JSON.parse(delivery.body).type);
        expect(signatureIsValid(delivery.headers['webhook-signature'] as string, delivery.body, secret)).toBe(true);
        expect(signatureIsValid(delivery.headers['webhook-signature'] as string, delivery.body, 'whsec_wrong')).toBe(
          false,
        );
      }
    }
    const listed = await deliveriesOf(exact.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      eventType: RUN_SUCCEEDED,
      status: 'delivered',
      attempts: [{ number: 1, statusCode: 200, error: null }],
    });
    expect(receiver.at('/exact')[0].headers['webhook-id']).toBe(listed[0].id);
  });

  it('records an event once per webhook even when the bus hands it over again past the inbox', async () => {
    const webhook = await subscribe('/again', [RUN_SUCCEEDED]);
    const runId = await runOnce();
    await fannedOut(runId);
    const event = await succeededEventOf(world.app.config.redisUrl, runId);
    // As after a crash between the deliveries' commit and the ack, with the inbox row lost too.
    await sql('DELETE FROM monitoring.inbox WHERE consumer = $1 AND event_id = $2', [FAN_OUT, event.envelope.id]);
    const redis = new Redis(world.app.config.redisUrl);
    try {
      await redis.xadd('events.workflow-engine', '*', ...event.fields);
    } finally {
      redis.disconnect();
    }
    await fannedOut(runId);
    const listed = await deliveriesOf(webhook.id);
    expect(listed.map((delivery) => delivery.eventId)).toEqual([event.envelope.id]);
  });

  it('gets a delivery on the fourth attempt after three 500s, with the same id, and lists the four attempts', async () => {
    receiver.answer('/flaky', [500, 500, 500, 200]);
    const webhook = await subscribe('/flaky', [RUN_SUCCEEDED]);
    const runId = await runOnce();
    const [delivery] = await waitFor(
      async () => {
        const listed = await deliveriesOf(webhook.id);
        return listed[0]?.status === 'delivered' ? listed : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'the delivery after retries' },
    );
    const attempts = delivery.attempts as Json[];
    expect(attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 200]);
    expect(attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3, 4]);
    for (const attempt of attempts) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    // Backoff: each attempt starts at least the doubled base after the one before.
    const starts = attempts.map((attempt) => Date.parse(attempt.startedAt));
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(50);
    expect(starts[3] - starts[2]).toBeGreaterThanOrEqual(200);
    const received = receiver.at('/flaky');
    expect(received.map((request) => request.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(received.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    expect(JSON.parse(received[3].body).payload.runId).toBe(runId);
    for (const request of received) {
      expect(signatureIsValid(request.headers['webhook-signature'] as string, request.body, webhook.secret)).toBe(true);
    }
    const metrics = await (await fetch(`${world.app.url}/metrics`)).text();
    expect(
      Number(/^webhook_delivery_attempts_total\{result="retrying"\} (\d+)/m.exec(metrics)?.[1]),
    ).toBeGreaterThanOrEqual(3);
  });

  it('dead-letters a delivery after the last allowed attempt', async () => {
    receiver.answer('/down', [503]);
    const webhook = await subscribe('/down', ['workflow-engine.*']);
    const test = await world.owner.client.call('POST', `/api/v1/webhooks/${webhook.id}/test`);
    expect(test.status).toBe(202);
    const dead = await waitFor(
      async () => {
        const listed = await deliveriesOf(webhook.id);
        return listed.find((delivery) => delivery.id === test.body.id && delivery.status === 'dead');
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'the dead delivery' },
    );
    expect(dead.attempts).toHaveLength(5);
    expect(dead.nextAttemptAt).toBeNull();
  });

  it('sends a test ping through the same path, signed with the rotated secret', async () => {
    const webhook = await subscribe('/ping', [RUN_SUCCEEDED]);
    const rotated = await world.owner.client.call('POST', `/api/v1/webhooks/${webhook.id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    const test = await world.owner.client.call('POST', `/api/v1/webhooks/${webhook.id}/test`);
    expect(test.body).toMatchObject({ eventType: 'monitoring.webhook.test.v1', status: 'pending' });
    const [ping] = await waitFor(
      () => Promise.resolve(receiver.at('/ping').length > 0 ? receiver.at('/ping') : undefined),
      {
        timeoutMs: 15_000,
        intervalMs: 20,
        what: 'the ping',
      },
    );
    expect(JSON.parse(ping.body)).toMatchObject({
      type: 'monitoring.webhook.test.v1',
      payload: { webhookId: webhook.id },
    });
    expect(ping.headers['webhook-id']).toBe(test.body.id);
    expect(signatureIsValid(ping.headers['webhook-signature'] as string, ping.body, rotated.body.secret)).toBe(true);
    expect(signatureIsValid(ping.headers['webhook-signature'] as string, ping.body, webhook.secret)).toBe(false);
  });

  it('refuses bad subscriptions with problem+json naming the field', async () => {
    const post = (body: object) =>
      world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/webhooks`, body);
    const cases: [object, string][] = [
      [{ url: 'ftp://example.com/in', eventTypes: [RUN_SUCCEEDED] }, 'url'],
      [{ url: 'https://10.0.0.5/in', eventTypes: [RUN_SUCCEEDED] }, 'url'],
      [{ url: 'https://[::1]/in', eventTypes: [RUN_SUCCEEDED] }, 'url'],
      [
        { url: 'https://hooks.example.com/in', eventTypes: ['model-registry.model-version.promoted.v1'] },
        'eventTypes[0]',
      ],
      [{ url: 'https://hooks.example.com/in', eventTypes: ['billing.*'] }, 'eventTypes[0]'],
    ];
    for (const [body, field] of cases) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const unknownField = await post({
      url: 'https://hooks.example.com/in',
      eventTypes: [RUN_SUCCEEDED],
      secret: 'mine',
    });
    expect(unknownField.status).toBe(400);
  });

  it("answers 404 for another project's webhook, and lets a viewer read but not write", async () => {
    const webhook = await subscribe('/private', [RUN_SUCCEEDED]);
    for (const [method, path] of [
      ['GET', `/api/v1/webhooks/${webhook.id}`],
      ['PATCH', `/api/v1/webhooks/${webhook.id}`],
      ['DELETE', `/api/v1/webhooks/${webhook.id}`],
      ['POST', `/api/v1/webhooks/${webhook.id}/test`],
      ['GET', `/api/v1/webhooks/${webhook.id}/deliveries`],
    ] as const) {
      const answer = await stranger.client.call(method, path, method === 'PATCH' ? { active: false } : undefined);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
    const viewer = await newUser(world.admin, world.anonymous);
    await world.owner.client.call('PUT', `/api/v1/projects/${world.projectId}/members/${viewer.id}`, {
      role: 'viewer',
    });
    expect((await viewer.client.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).status).toBe(200);
    expect((await viewer.client.call('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false })).status).toBe(403);

    const paused = await world.owner.client.call('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
    expect(paused.body.active).toBe(false);
    expect((await world.owner.client.call('DELETE', `/api/v1/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await world.owner.client.call('GET', `/api/v1/webhooks/${webhook.id}`)).status).toBe(404);
  });
});
