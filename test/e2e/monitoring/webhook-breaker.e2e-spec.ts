import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { WebhookReceiver } from '../../support/monitoring/webhook-receiver.js';
import { breakerSeries, expectOneFullCycle, showsOpen } from '../../support/outbound-breaker-series.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const RUN_SUCCEEDED = 'workflow-engine.workflow-run.succeeded.v1';
const HALF_OPEN_MS = 4000;

describe('the circuit breaker of a webhook’s origin', () => {
  const receiver = new WebhookReceiver();
  let world: WorkflowWorld;
  let origin: string;

  beforeAll(async () => {
    const port = await receiver.start();
    origin = `http://127.0.0.1:${port}`;
    world = await startWorkflowWorld(
      {
        OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}`,
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_BACKOFF_BASE_MS: '50',
        // Fewer attempts than the refusals a delivery meets while the breaker is open: refusals must not count.
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_POLL_INTERVAL_MS: '20',
        WEBHOOK_BREAKER_FAILURES: '2',
        WEBHOOK_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      },
      'user-management,workflow-engine,monitoring',
    );
  });
  afterAll(async () => {
    await world?.app.close();
    await receiver.stop();
  });

  const deliveriesOf = async (webhookId: string): Promise<Json[]> =>
    (await world.owner.client.call('GET', `/api/v1/webhooks/${webhookId}/deliveries?limit=100`)).body.items;
  const open = async () => showsOpen(await breakerSeries(world.app.url, origin));

  it('opens on failures, answers the test ping 503 at once, postpones deliveries unsent, and delivers each once after a probe', async () => {
    receiver.answer('/hook', [503, 503, 200]);
    const created = await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/webhooks`, {
      url: `${origin}/hook`,
      eventTypes: [RUN_SUCCEEDED],
    });
    expect(created.status).toBe(201);
    const webhookId = created.body.id as string;
    const first = await world.owner.client.call('POST', `/api/v1/webhooks/${webhookId}/test`);
    expect(first.status).toBe(202);
    await waitFor(open, { what: 'the origin’s breaker to open' });
    const reached = receiver.received.length;

    const refused = await world.owner.client.call('POST', `/api/v1/webhooks/${webhookId}/test`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(HALF_OPEN_MS / 1000);
    expect(refused.body).toMatchObject({ status: 503, type: expect.stringContaining('webhook-target-unavailable') });

    // An event while open: recorded, postponed, not sent.
    const workflow = await createWorkflow(world.owner.client, world.projectId, {
      name: `w-${Date.now()}`,
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const run = await world.owner.client.call('POST', `/api/v1/workflows/${workflow}/runs`, {});
    expect((await waitForRun(world.owner.client, run.body.id as string)).state).toBe('succeeded');
    const event = await waitFor(
      async () => (await deliveriesOf(webhookId)).find((delivery) => delivery.eventType === RUN_SUCCEEDED),
      { what: 'the run’s delivery to be recorded' },
    );
    expect(event.attempts).toEqual([]);
    expect(receiver.received.length).toBe(reached);
    expect(await open()).toBe(true);

    const settled = await waitFor(
      async () => {
        const listed = await deliveriesOf(webhookId);
        return listed.every((delivery) => delivery.status === 'delivered') ? listed : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50, what: 'both deliveries after the probe' },
    );
    const ping = settled.find((delivery) => delivery.id === first.body.id);
    const delivered = settled.find((delivery) => delivery.id === event.id);
    expect(settled).toHaveLength(2);
    const statuses = (delivery: Json): number[] => (delivery.attempts as Json[]).map((attempt) => attempt.statusCode);
    expect(statuses(ping)).toEqual([503, 503, 200]);
    expect(statuses(delivered)).toEqual([200]);
    expect(receiver.at('/hook').filter((request) => request.headers['webhook-id'] === event.id)).toHaveLength(1);

    expectOneFullCycle(await breakerSeries(world.app.url, origin));
    expect((await world.owner.client.call('POST', `/api/v1/webhooks/${webhookId}/test`)).status).toBe(202);
  });
});
