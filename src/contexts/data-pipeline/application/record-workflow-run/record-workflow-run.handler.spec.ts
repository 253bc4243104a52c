import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import type { RecordWorkflowRunCommand } from './record-workflow-run.command.js';
import { RecordWorkflowRunHandler } from './record-workflow-run.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const run = (state: RecordWorkflowRunCommand['state'], at: string): RecordWorkflowRunCommand => ({
  projectId: PROJECT,
  runId: 'run-1',
  workflowId: 'wf-1',
  workflowVersion: 2,
  state,
  at,
});

function arrange(forwarding = true) {
  const ports = fakeLineagePorts(forwarding);
  return { ports, handler: new RecordWorkflowRunHandler(ports.transaction, ports.graph, ports.forwarding) };
}

describe('RecordWorkflowRunHandler', () => {
  it('records the run with its workflow, its start and, once it ends, its end', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('running', '2026-01-01T00:00:00Z'));
    await handler.execute(run('succeeded', '2026-01-01T00:05:00Z'));

    expect(await ports.graph.find({ type: 'workflow-run', id: 'run-1' })).toEqual({
      type: 'workflow-run',
      id: 'run-1',
      projectId: PROJECT,
      name: 'workflow wf-1 v2',
      facets: {
        workflow: { id: 'wf-1', version: 2 },
        started: { at: '2026-01-01T00:00:00Z' },
        status: { state: 'succeeded', at: '2026-01-01T00:05:00Z' },
      },
    });
  });

  it('keeps the end when the start is delivered again after it', async () => {
    const { ports, handler } = arrange();
    await handler.execute(run('running', '2026-01-01T00:00:00Z'));
    await handler.execute(run('failed', '2026-01-01T00:05:00Z'));

    await handler.execute(run('running', '2026-01-01T00:00:00Z'));

    const node = await ports.graph.find({ type: 'workflow-run', id: 'run-1' });
    expect(node?.facets.status).toEqual({ state: 'failed', at: '2026-01-01T00:05:00Z' });
    expect(ports.transaction.runs).toBe(3);
  });

  it('queues the OpenLineage START and, once the run ends, its COMPLETE or FAIL, once each', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('running', '2026-01-01T00:00:00Z'));
    await handler.execute(run('failed', '2026-01-01T00:05:00Z'));
    await handler.execute(run('running', '2026-01-01T00:00:00Z'));

    expect(ports.deliveries.rows.map(({ event }) => [event.eventType, event.eventTime, event.run.runId])).toEqual([
      ['START', '2026-01-01T00:00:00Z', 'run-1'],
      ['FAIL', '2026-01-01T00:05:00Z', 'run-1'],
    ]);
    expect(ports.deliveries.rows[0].event.job.name).toBe('workflows/wf-1');
  });

  it('queues nothing when forwarding is off', async () => {
    const { ports, handler } = arrange(false);

    await handler.execute(run('running', '2026-01-01T00:00:00Z'));
    await handler.execute(run('succeeded', '2026-01-01T00:05:00Z'));

    expect(ports.deliveries.rows).toEqual([]);
  });
});
