import { describe, expect, it } from '@jest/globals';
import { FakeLineageTransaction } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import {
  FakeOpenLineageSettings,
  InMemoryOpenLineageDeliveries,
  ScriptedOpenLineageEndpoint,
} from '../../../../../test/support/data-pipeline/fake-openlineage-ports.js';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import { DeliverOpenLineageEventsHandler } from './deliver-openlineage-events.handler.js';

const eventOf = (runId: string, eventType: OpenLineageRunEvent['eventType']): OpenLineageRunEvent => ({
  eventType,
  eventTime: '2026-01-01T00:00:00Z',
  run: { runId, facets: {} },
  job: { namespace: 'ns', name: 'job', facets: {} },
  inputs: [],
  outputs: [],
  producer: 'test',
  schemaURL: 'test',
});

async function arrange(script: string[], retryBaseMs = 0) {
  const deliveries = new InMemoryOpenLineageDeliveries();
  const endpoint = new ScriptedOpenLineageEndpoint(script);
  const settings = new FakeOpenLineageSettings(true, 3, retryBaseMs);
  const handler = new DeliverOpenLineageEventsHandler(new FakeLineageTransaction(), deliveries, endpoint, settings);
  await deliveries.add(eventOf('run-1', 'START'), new Date(0));
  await deliveries.add(eventOf('run-1', 'COMPLETE'), new Date(0));
  return { deliveries, endpoint, handler };
}

describe('DeliverOpenLineageEventsHandler', () => {
  it("sends a run's events one pass at a time, in the order they were queued", async () => {
    const { deliveries, endpoint, handler } = await arrange([]);

    expect(await handler.execute({ limit: 10 })).toEqual({
      claimed: 1,
      delivered: 1,
      retried: 0,
      failed: 0,
      postponed: 0,
    });
    expect(await handler.execute({ limit: 10 })).toMatchObject({ delivered: 1 });

    expect(endpoint.sent.map((event) => event.eventType)).toEqual(['START', 'COMPLETE']);
    expect(deliveries.rows.map((row) => row.status)).toEqual(['delivered', 'delivered']);
  });

  it('retries a failure after a backoff that doubles, holding the run’s later events back', async () => {
    const { deliveries, endpoint, handler } = await arrange(['answered HTTP 500'], 60_000);

    expect(await handler.execute({ limit: 10 })).toMatchObject({ retried: 1 });
    const [start] = deliveries.rows;
    expect(start.lastError).toBe('answered HTTP 500');
    expect(start.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(await handler.execute({ limit: 10 })).toMatchObject({ claimed: 0 });
    expect(endpoint.sent).toHaveLength(1);
  });

  it('postpones an event while the endpoint’s breaker is open, to its probe time, spending no attempt', async () => {
    const script = ['refused 1', 'refused 2', 'circuit-open', 'circuit-open', 'circuit-open'];
    const { deliveries, endpoint, handler } = await arrange(script);

    await handler.execute({ limit: 10 });
    await handler.execute({ limit: 10 });
    expect(await handler.execute({ limit: 10 })).toMatchObject({ claimed: 1, postponed: 1, retried: 0, failed: 0 });
    expect(deliveries.rows[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: endpoint.retryAt });

    // Refused more often than the attempts allow, it is still not given up, and goes out once the breaker lets it.
    for (let pass = 0; pass < 2; pass += 1) {
      deliveries.rows[0].nextAttemptAt = new Date(0);
      expect(await handler.execute({ limit: 10 })).toMatchObject({ postponed: 1 });
    }
    deliveries.rows[0].nextAttemptAt = new Date(0);
    expect(await handler.execute({ limit: 10 })).toMatchObject({ delivered: 1 });
    expect(deliveries.rows[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(endpoint.sent.map((event) => event.eventType)).toEqual(['START', 'START', 'START']);
  });

  it('gives an event up after the configured attempts, keeping its last error, and goes on with the run', async () => {
    const { deliveries, endpoint, handler } = await arrange(['refused 1', 'refused 2', 'refused 3']);

    for (let pass = 0; pass < 3; pass += 1) await handler.execute({ limit: 10 });

    expect(deliveries.rows[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'refused 3' });
    expect(await handler.execute({ limit: 10 })).toMatchObject({ delivered: 1 });
    expect(endpoint.sent.map((event) => event.eventType)).toEqual(['START', 'START', 'START', 'COMPLETE']);
  });
});
