import { describe, expect, it } from '@jest/globals';
import { fakeWebhookPorts, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { RecordEventDeliveriesHandler } from './record-event-deliveries.handler.js';

const STARTED = 'workflow-engine.workflow-run.started.v1';
const event = (payload: unknown, type = STARTED) => ({
  eventId: '0193a000-0000-7000-8000-0000000000e1',
  type,
  occurredAt: '2026-12-07T00:00:00.000Z',
  payload,
});

describe('RecordEventDeliveriesHandler', () => {
  const build = () => {
    const ports = fakeWebhookPorts();
    return { ports, handler: new RecordEventDeliveriesHandler(ports.subscriptions, ports.deliveries, ports.clock) };
  };

  it("records one delivery per active subscription of the event's project that wants its type", async () => {
    const { ports, handler } = build();
    const wildcard = await aStoredSubscription(ports);
    const exact = await aStoredSubscription(ports, { eventTypes: [STARTED] });
    await aStoredSubscription(ports, { eventTypes: ['model-registry.*'] });
    await aStoredSubscription(ports, { active: false });
    await aStoredSubscription(ports, { projectId: OTHER_PROJECT });
    const recorded = await handler.execute({ events: [event({ projectId: PROJECT, runId: 'r1' })] });
    expect(recorded.map((delivery) => delivery.snapshot.subscriptionId).sort()).toEqual([wildcard.id, exact.id].sort());
    expect(JSON.parse(recorded[0].snapshot.body)).toEqual({
      id: '0193a000-0000-7000-8000-0000000000e1',
      type: STARTED,
      occurredAt: '2026-12-07T00:00:00.000Z',
      projectId: PROJECT,
      payload: { projectId: PROJECT, runId: 'r1' },
    });
    expect(ports.deliveries.rows.size).toBe(2);
  });

  it("records a batch of events of several projects, each for its own project's subscriptions", async () => {
    const { ports, handler } = build();
    const mine = await aStoredSubscription(ports);
    const theirs = await aStoredSubscription(ports, { projectId: OTHER_PROJECT, eventTypes: [STARTED] });
    const recorded = await handler.execute({
      events: [
        { ...event({ projectId: PROJECT }), eventId: 'e1' },
        { ...event({ projectId: OTHER_PROJECT }), eventId: 'e2' },
        { ...event({ projectId: OTHER_PROJECT }, 'workflow-engine.workflow-run.succeeded.v1'), eventId: 'e3' },
      ],
    });
    expect(recorded.map((delivery) => [delivery.snapshot.subscriptionId, delivery.snapshot.eventId])).toEqual([
      [mine.id, 'e1'],
      [theirs.id, 'e2'],
    ]);
  });

  it('records nothing for an event that names no project', async () => {
    const { ports, handler } = build();
    await aStoredSubscription(ports);
    expect(
      await handler.execute({
        events: [{}, null, 'text', { projectId: 42 }, { projectId: '' }].map((payload) => event(payload)),
      }),
    ).toEqual([]);
    expect(ports.deliveries.rows.size).toBe(0);
  });
});
