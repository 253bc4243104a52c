import { describe, expect, it } from '@jest/globals';
import { setImmediate } from 'node:timers/promises';
import { waitFor } from '@libs/testing';
import { FakeLineageTransaction } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import {
  FakeOpenLineageSettings,
  InMemoryOpenLineageDeliveries,
  ScriptedOpenLineageEndpoint,
} from '../../../../../test/support/data-pipeline/fake-openlineage-ports.js';
import { DeliverOpenLineageEventsHandler } from '../../application/deliver-openlineage-events/deliver-openlineage-events.handler.js';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import { OpenLineageDeliveryLoop } from './openlineage-delivery.loop.js';

const EVENT = { eventType: 'START', run: { runId: 'run-1', facets: {} } } as OpenLineageRunEvent;

async function arrange(enabled: boolean) {
  const deliveries = new InMemoryOpenLineageDeliveries();
  await deliveries.add(EVENT, new Date(0));
  const endpoint = new ScriptedOpenLineageEndpoint();
  const settings = new FakeOpenLineageSettings(enabled);
  const handler = new DeliverOpenLineageEventsHandler(new FakeLineageTransaction(), deliveries, endpoint, settings);
  return { endpoint, loop: new OpenLineageDeliveryLoop(handler, settings) };
}

describe('OpenLineageDeliveryLoop', () => {
  it('delivers queued events while forwarding is on, until shut down', async () => {
    const { endpoint, loop } = await arrange(true);

    loop.onApplicationBootstrap();
    await waitFor(() => endpoint.sent.length === 1, { timeoutMs: 5000, what: 'the queued event sent' });
    await loop.onApplicationShutdown();

    expect(endpoint.sent).toEqual([EVENT]);
  });

  it('never starts when forwarding is off', async () => {
    const { endpoint, loop } = await arrange(false);

    loop.onApplicationBootstrap();
    // A started loop sends the queued event within its first pass, all of it in microtasks of the fakes.
    await setImmediate();
    await loop.onApplicationShutdown();

    expect(endpoint.sent).toEqual([]);
  });
});
