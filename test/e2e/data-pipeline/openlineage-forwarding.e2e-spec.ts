import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { waitFor } from '@libs/testing';
import type { OpenLineageReceiver } from '../../support/data-pipeline/openlineage-receiver.js';
import type { WorkflowWorld } from '../workflows-support.js';
import { startOpenLineageWorld, type OpenLineageWorld } from './openlineage-world.js';

const API_KEY = 'lineage-key-5d2c';
const ENV = {
  OPENLINEAGE_API_KEY: API_KEY,
  OPENLINEAGE_RETRY_BASE_MS: '50',
  OPENLINEAGE_POLL_INTERVAL_MS: '20',
  OPENLINEAGE_MAX_ATTEMPTS: '3',
};

describe('OpenLineage RunEvents forwarded to the configured endpoint', () => {
  let lineage: OpenLineageWorld;
  let world: WorkflowWorld;
  let receiver: OpenLineageReceiver;

  beforeAll(async () => {
    lineage = await startOpenLineageWorld(ENV);
    ({ world, receiver } = lineage);
  });
  afterAll(() => lineage?.close());

  const ranWorkflow = () => lineage.ranWorkflow();

  const delivered = (runId: string, count: number) =>
    waitFor(
      () => {
        const accepted = receiver.ofRun(runId).filter((request) => request.status === 201);
        return accepted.length >= count ? accepted : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50, what: `${count} OpenLineage events of run ${runId}` },
    );

  it("delivers a workflow run's START and then its COMPLETE, with the spec's required fields", async () => {
    const runId = await ranWorkflow();

    const [start, complete] = await delivered(runId, 2);

    expect([start.body.eventType, complete.body.eventType]).toEqual(['START', 'COMPLETE']);
    for (const { body, headers } of [start, complete]) {
      expect(headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(headers['content-type']).toBe('application/json');
      expect(body).toMatchObject({
        eventTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        run: { runId },
        job: { namespace: `mlops-platform://projects/${world.projectId}`, name: expect.stringMatching(/^workflows\//) },
        producer: expect.stringMatching(/^https:\/\//),
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      });
    }
    expect(Date.parse(start.body.eventTime)).toBeLessThanOrEqual(Date.parse(complete.body.eventTime));
    expect(receiver.ofRun(runId)).toHaveLength(2);
  });

  it('retries an endpoint answering 500 twice and delivers on the third attempt, the run’s order kept', async () => {
    receiver.failNext(2);
    const runId = await ranWorkflow();

    await delivered(runId, 2);

    expect(receiver.ofRun(runId).map((request) => [request.body.eventType, request.status])).toEqual([
      ['START', 500],
      ['START', 500],
      ['START', 201],
      ['COMPLETE', 201],
    ]);
    const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    try {
      const { rows } = await database.query(
        'SELECT event_type, status, attempts FROM data_pipeline.openlineage_deliveries WHERE run_id = $1 ORDER BY seq',
        [runId],
      );
      expect(rows).toEqual([
        { event_type: 'START', status: 'delivered', attempts: 3 },
        { event_type: 'COMPLETE', status: 'delivered', attempts: 1 },
      ]);
    } finally {
      await database.end();
    }
  });

  it('gives an event up after the configured attempts, keeping the last error, and sends the run’s next one', async () => {
    receiver.failNext(3);
    const runId = await ranWorkflow();

    await delivered(runId, 1);

    expect(receiver.ofRun(runId).map((request) => [request.body.eventType, request.status])).toEqual([
      ['START', 500],
      ['START', 500],
      ['START', 500],
      ['COMPLETE', 201],
    ]);
    const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    try {
      const { rows } = await database.query(
        "SELECT status, attempts, last_error FROM data_pipeline.openlineage_deliveries WHERE run_id = $1 AND event_type = 'START'",
        [runId],
      );
      expect(rows).toEqual([{ status: 'failed', attempts: 3, last_error: 'answered HTTP 500' }]);
    } finally {
      await database.end();
    }
  });
});
