import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { OpenLineageDeliveries } from '../../../src/contexts/data-pipeline/application/ports/openlineage-deliveries.js';
import type { OpenLineageRunEvent } from '../../../src/contexts/data-pipeline/domain/lineage/openlineage-run-events.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

const LEASE_MS = 60_000;

const eventOf = (runId: string, eventType: OpenLineageRunEvent['eventType']): OpenLineageRunEvent => ({
  eventType,
  eventTime: '2026-01-01T00:00:00.000Z',
  run: { runId, facets: {} },
  job: { namespace: 'mlops-platform://projects/p', name: 'workflows/w', facets: {} },
  inputs: [],
  outputs: [],
  producer: 'https://example.com/producer',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

/** The delivery queue's SQL against PostgreSQL, migrations applied: idempotent adds, order per run, leases. */
describe('PostgresOpenLineageDeliveries', () => {
  let app: TestApp;
  let deliveries: OpenLineageDeliveries;

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV);
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,data-pipeline',
      APP_ROLE: 'api',
    });
    deliveries = app.app.get(OpenLineageDeliveries, { strict: false });
  });
  afterAll(() => app?.close());

  /** Claims everything due at `now`, keeping only the given runs' events (other tests share the table). */
  const claim = async (now: Date, runs: readonly string[]) =>
    (await deliveries.claimDue(100, now, LEASE_MS)).filter((due) => runs.includes(due.event.run.runId));

  it("queues an event once per run and type, and hands out a run's events one at a time in order", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const at = new Date('2026-01-01T00:00:00Z');
    await deliveries.add(eventOf(first, 'START'), at);
    await deliveries.add(eventOf(first, 'COMPLETE'), at);
    await deliveries.add(eventOf(first, 'START'), at);
    await deliveries.add(eventOf(second, 'START'), at);

    const claimed = await claim(at, [first, second]);
    expect(claimed.map((due) => [due.event.run.runId, due.event.eventType, due.attempts])).toEqual([
      [first, 'START', 1],
      [second, 'START', 1],
    ]);
    expect(claimed[0].event).toEqual(eventOf(first, 'START'));

    // Leased: neither comes due again before the lease ends, and the first run's COMPLETE waits.
    expect(await claim(new Date(at.getTime() + LEASE_MS - 1), [first, second])).toEqual([]);
    await deliveries.markDelivered(claimed[0].seq, at);
    expect((await claim(at, [first])).map((due) => due.event.eventType)).toEqual(['COMPLETE']);
  });

  it('brings a retried event back at its time, and lets the run go on once it is given up', async () => {
    const runId = randomUUID();
    const at = new Date('2026-01-01T00:00:00Z');
    await deliveries.add(eventOf(runId, 'START'), at);
    await deliveries.add(eventOf(runId, 'FAIL'), at);

    const [start] = await claim(at, [runId]);
    const retryAt = new Date(at.getTime() + 5000);
    await deliveries.markRetry(start.seq, 'answered HTTP 503', retryAt);
    expect(await claim(new Date(retryAt.getTime() - 1), [runId])).toEqual([]);
    const [again] = await claim(retryAt, [runId]);
    expect(again).toMatchObject({ seq: start.seq, attempts: 2 });

    await deliveries.markFailed(again.seq, 'answered HTTP 503', retryAt);
    expect((await claim(retryAt, [runId])).map((due) => due.event.eventType)).toEqual(['FAIL']);
  });

  it('postpones a claimed event to a new due time, taking back the attempt its claim counted', async () => {
    const runId = randomUUID();
    const at = new Date('2026-01-01T00:00:00Z');
    await deliveries.add(eventOf(runId, 'START'), at);
    const [claimed] = await claim(at, [runId]);
    expect(claimed.attempts).toBe(1);

    const until = new Date(at.getTime() + 7000);
    await deliveries.postpone(claimed.seq, until);
    expect(await claim(new Date(until.getTime() - 1), [runId])).toEqual([]);
    expect(await claim(until, [runId])).toMatchObject([{ seq: claimed.seq, attempts: 1 }]);
  });
});
