import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { waitFor } from '@libs/testing';
import { OpenLineageReceiver } from '../../support/data-pipeline/openlineage-receiver.js';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from '../workflows-support.js';

const ENV = {
  OPENLINEAGE_RETRY_BASE_MS: '50',
  OPENLINEAGE_POLL_INTERVAL_MS: '20',
  // Fewer attempts than the refusals an event meets while the breaker is open: refusals must not count.
  OPENLINEAGE_MAX_ATTEMPTS: '3',
  OPENLINEAGE_BREAKER_FAILURES: '2',
  OPENLINEAGE_BREAKER_HALF_OPEN_MS: '3000',
};
const WORKFLOW = { tasks: [{ id: 'train', type: 'noop', params: {} }] };

describe('the OpenLineage endpoint’s circuit breaker', () => {
  let world: WorkflowWorld;
  let receiver: OpenLineageReceiver;
  let directory: string;

  beforeAll(async () => {
    receiver = await OpenLineageReceiver.start();
    directory = await mkdtemp(join(tmpdir(), 'openlineage-breaker-'));
    world = await startWorkflowWorld(
      {
        ...ENV,
        OPENLINEAGE_URL: receiver.url,
        OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(receiver.url).host,
        STORAGE_DRIVER: 'filesystem',
        STORAGE_DIR: directory,
      },
      `${WORKFLOW_CONTEXTS},data-pipeline`,
    );
  });
  afterAll(async () => {
    await world?.app.close();
    // Test files of one Jest worker share process.env: these settings must not outlive this file.
    for (const name of [
      ...Object.keys(ENV),
      'OPENLINEAGE_URL',
      'OUTBOUND_ALLOWED_PRIVATE_HOSTS',
      'STORAGE_DRIVER',
      'STORAGE_DIR',
    ])
      delete process.env[name];
    await receiver?.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function ranWorkflow(): Promise<string> {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, { ...WORKFLOW, name: randomUUID() });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    expect(started.status).toBe(201);
    expect((await waitForRun(world.owner.client, started.body.id as string)).state).toBe('succeeded');
    return started.body.id as string;
  }

  const breakerSeries = async (): Promise<string[]> => {
    const target = `target="${receiver.url}"`;
    const exposition = await (await fetch(`${world.app.url}/metrics`)).text();
    return exposition.split('\n').filter((line) => line.startsWith('outbound_breaker_') && line.includes(target));
  };

  const outcomes = (runId: string) =>
    receiver.ofRun(runId).map((request) => [request.body.eventType as string, request.status]);

  it('opens on failures, holds events unsent while open, then delivers each once after a probe closes it', async () => {
    receiver.failNext(2);
    const first = await ranWorkflow();
    await waitFor(async () => (await breakerSeries()).some((line) => line.startsWith('outbound_breaker_state') && line.endsWith(' 2')), {
      what: 'the breaker to open',
    });
    const reached = receiver.requests.length;

    const second = await ranWorkflow();
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
      expect(queued).toEqual([{ event_type: 'START', attempts: 0 }, { event_type: 'COMPLETE', attempts: 0 }]);
      expect(receiver.requests.length).toBe(reached);
      expect(await breakerSeries()).toContainEqual(expect.stringMatching(/^outbound_breaker_state\{.*\} 2$/));

      await waitFor(() => outcomes(second).length >= 2 && outcomes(first).length >= 4, {
        timeoutMs: 20_000,
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
    const transitions = (await breakerSeries()).filter((line) => line.startsWith('outbound_breaker_transitions_total'));
    for (const [from, to] of [
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ])
      expect(transitions).toContainEqual(expect.stringMatching(new RegExp(`from="${from}",to="${to}"\\} 1$`)));
  });
});
