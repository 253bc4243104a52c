import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { scaled, waitFor } from '@libs/testing';
import { breakerSeries, expectOneFullCycle, showsOpen } from '../../support/outbound-breaker-series.js';
import { startOpenLineageWorld, type OpenLineageWorld } from './openlineage-world.js';

const ENV = {
  OPENLINEAGE_RETRY_BASE_MS: '50',
  OPENLINEAGE_POLL_INTERVAL_MS: '20',
  // Fewer attempts than the refusals an event meets while the breaker is open: refusals must not count.
  OPENLINEAGE_MAX_ATTEMPTS: '3',
  OPENLINEAGE_BREAKER_FAILURES: '2',
  // Open through the second run and the check of its queued events: at 3 s, a loaded host's second run
  // outlasted it, and that run's START was the half-open probe.
  OPENLINEAGE_BREAKER_HALF_OPEN_MS: String(scaled(10_000)),
  // A workflow event whose lineage recording failed (a pool timeout on a loaded host) is taken up
  // again after this idle time: at the default 10 s, the waits below could run out first.
  EVENTS_RETRY_IDLE_MS: '200',
};

describe('the OpenLineage endpoint’s circuit breaker', () => {
  let lineage: OpenLineageWorld;

  beforeAll(async () => {
    lineage = await startOpenLineageWorld(ENV);
  });
  afterAll(() => lineage?.close());

  const series = () => breakerSeries(lineage.world.app.url, lineage.receiver.url);
  const outcomes = (runId: string) =>
    lineage.receiver.ofRun(runId).map((request) => [request.body.eventType as string, request.status]);

  it('opens on failures, holds events unsent while open, then delivers each once after a probe closes it', async () => {
    lineage.receiver.failNext(2);
    const first = await lineage.ranWorkflow();
    await waitFor(async () => showsOpen(await series()), { what: 'the breaker to open' });
    const reached = lineage.receiver.requests.length;

    const second = await lineage.ranWorkflow();
    const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    try {
      // Both events are queued as the lineage graph records the run, a moment after it ends.
      const queued = await waitFor(
        async () => {
          const { rows } = await database.query(
            'SELECT event_type, attempts FROM data_pipeline.openlineage_deliveries WHERE run_id = $1 ORDER BY seq',
            [second],
          );
          return rows.length === 2 ? rows : undefined;
        },
        { what: 'the second run’s events to be queued' },
      );
      // Refused without reaching the endpoint: the breaker was open all along.
      expect(queued).toEqual([
        { event_type: 'START', attempts: 0 },
        { event_type: 'COMPLETE', attempts: 0 },
      ]);
      expect(lineage.receiver.requests.length).toBe(reached);
      expect(showsOpen(await series())).toBe(true);

      await waitFor(() => outcomes(second).length >= 2 && outcomes(first).length >= 4, {
        timeoutMs: scaled(30_000),
        what: 'both runs’ events to be delivered',
      });
      expect(outcomes(first)).toEqual([
        ['START', 500],
        ['START', 500],
        ['START', 201],
        ['COMPLETE', 201],
      ]);
      expect(outcomes(second)).toEqual([
        ['START', 201],
        ['COMPLETE', 201],
      ]);
      const settled = await database.query(
        'SELECT run_id, event_type, status, attempts FROM data_pipeline.openlineage_deliveries WHERE run_id = ANY($1) ORDER BY seq',
        [[first, second]],
      );
      expect(settled.rows).toEqual([
        { run_id: first, event_type: 'START', status: 'delivered', attempts: 3 },
        { run_id: first, event_type: 'COMPLETE', status: 'delivered', attempts: 1 },
        { run_id: second, event_type: 'START', status: 'delivered', attempts: 1 },
        { run_id: second, event_type: 'COMPLETE', status: 'delivered', attempts: 1 },
      ]);
    } finally {
      await database.end();
    }
    expectOneFullCycle(await series());
  });
});
