import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { WorkflowEngineEvents } from '@contexts/workflow-engine';
import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { Transaction } from '../../../src/contexts/data-pipeline/application/ports/transaction.js';
import { LineageGraphRepository } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-graph.repository.js';
import { WorkflowLineageConsumer } from '../../../src/contexts/data-pipeline/interface/events/workflow-lineage.consumer.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';
import { envelopeOf } from '../../support/data-pipeline/event-envelopes.js';
import { OpenLineageReceiver } from '../../support/data-pipeline/openlineage-receiver.js';

type Events = WorkflowEngineEvents;
const STARTED_AT = '2026-03-01T10:00:00.000Z';
const ENDED_AT = '2026-03-01T10:05:00.000Z';

/** A run's start and success as the workflow engine publishes them (the start's envelope written a moment after the run started). */
function runEvents(runId: string, projectId: string) {
  const run = { runId, workflowId: 'wf-1', workflowVersion: 3, projectId, triggerDepth: 0, startedAt: STARTED_AT };
  return {
    started: envelopeOf<'workflow-engine.workflow-run.started.v1', Events['workflow-engine.workflow-run.started.v1']>(
      'workflow-engine.workflow-run.started.v1',
      { ...run, params: {} },
      '2026-03-01T10:00:00.004Z',
    ),
    succeeded: envelopeOf<
      'workflow-engine.workflow-run.succeeded.v1',
      Events['workflow-engine.workflow-run.succeeded.v1']
    >('workflow-engine.workflow-run.succeeded.v1', run, ENDED_AT),
  };
}

/**
 * The lineage consumer may record a run's end before its start: the start's recording failed (a
 * pool timeout on a busy host) and waits EVENTS_RETRY_IDLE_MS for redelivery while the rest of the
 * batch goes on, or two workers took the two events at once. The graph and the forwarded
 * OpenLineage events must not tell the difference. Real PostgreSQL, delivery loop and HTTP endpoint.
 */
describe('a workflow run’s lineage whatever order its start and end are recorded in', () => {
  const projectId = randomUUID();
  let receiver: OpenLineageReceiver;
  let app: TestApp;
  let consumer: WorkflowLineageConsumer;
  let database: pg.Client;
  let settings: Record<string, string>;

  beforeAll(async () => {
    receiver = await OpenLineageReceiver.start();
    Object.assign(process.env, FAST_AUTH_ENV);
    settings = {
      OPENLINEAGE_URL: receiver.url,
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(receiver.url).host,
      OPENLINEAGE_POLL_INTERVAL_MS: '20',
    };
    // The OpenLineage and outbound settings are read from process.env; they must not outlive this file.
    Object.assign(process.env, settings);
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,data-pipeline',
      APP_ROLE: 'all',
    });
    consumer = app.app.get(WorkflowLineageConsumer, { strict: false });
    database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await app?.close();
    for (const name of Object.keys(settings ?? {})) delete process.env[name];
    await receiver?.close();
  });

  const sentOf = (runId: string, count: number) =>
    waitFor(() => (receiver.ofRun(runId).length >= count ? receiver.ofRun(runId) : undefined), {
      what: `${count} OpenLineage events of run ${runId}`,
    });
  const runNode = (runId: string) =>
    app.app.get(LineageGraphRepository, { strict: false }).find({ type: 'workflow-run', id: runId });
  const inOrderFacets = {
    workflow: { id: 'wf-1', version: 3 },
    started: { at: STARTED_AT },
    status: { state: 'succeeded', at: ENDED_AT },
  };

  it('forwards START before COMPLETE, each once, when the end is recorded and sent on before its start', async () => {
    const runId = randomUUID();
    const { started, succeeded } = runEvents(runId, projectId);

    await consumer.handle(succeeded);
    // The loop polls every 20 ms: whatever the end queued goes out before the start is recorded.
    await sentOf(runId, 1);
    await consumer.handle(started);
    const sent = await sentOf(runId, 2);

    expect(sent.map((request) => [request.body.eventType, request.body.eventTime, request.status])).toEqual([
      ['START', STARTED_AT, 201],
      ['COMPLETE', ENDED_AT, 201],
    ]);
    const { rows } = await database.query(
      'SELECT event_type, status, attempts FROM data_pipeline.openlineage_deliveries WHERE run_id = $1 ORDER BY seq',
      [runId],
    );
    expect(rows).toEqual([
      { event_type: 'START', status: 'delivered', attempts: 1 },
      { event_type: 'COMPLETE', status: 'delivered', attempts: 1 },
    ]);
    expect((await runNode(runId))?.facets).toEqual(inOrderFacets);
  });

  it('keeps the end when the start is recorded while the end’s recording is still uncommitted', async () => {
    const runId = randomUUID();
    const { started, succeeded } = runEvents(runId, projectId);
    const transaction = app.app.get(Transaction, { strict: false });
    let endRecorded!: () => void;
    let commitEnd!: () => void;
    const recorded = new Promise<void>((resolve) => (endRecorded = resolve));
    const endCommitted = new Promise<void>((resolve) => (commitEnd = resolve));

    // The end's recording joins this transaction, which stays open until the start is waiting on it.
    const ending = transaction.run(async () => {
      await consumer.handle(succeeded);
      endRecorded();
      await endCommitted;
    });
    await recorded;
    const starting = consumer.handle(started);
    await waitFor(
      async () => {
        const { rows } = await database.query(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return rows.length > 0;
      },
      { what: 'the start’s recording to wait for the end’s' },
    );
    commitEnd();
    await Promise.all([ending, starting]);

    expect((await runNode(runId))?.facets).toEqual(inOrderFacets);
  });

  it('forwards a lone ABORT for a run cancelled before it started', async () => {
    const runId = randomUUID();
    const cancelled = envelopeOf<
      'workflow-engine.workflow-run.cancelled.v1',
      Events['workflow-engine.workflow-run.cancelled.v1']
    >(
      'workflow-engine.workflow-run.cancelled.v1',
      { runId, workflowId: 'wf-1', workflowVersion: 3, projectId, triggerDepth: 0, reason: 'no longer needed' },
      ENDED_AT,
    );

    await consumer.handle(cancelled);

    const [abort] = await sentOf(runId, 1);
    expect([abort.body.eventType, abort.body.eventTime]).toEqual(['ABORT', ENDED_AT]);
    expect((await runNode(runId))?.facets).toEqual({
      workflow: { id: 'wf-1', version: 3 },
      status: { state: 'cancelled', at: ENDED_AT },
    });
  });
});
