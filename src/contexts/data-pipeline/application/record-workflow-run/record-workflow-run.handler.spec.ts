import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fakeLineagePorts, type LineageFakes } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import type { RecordWorkflowRunCommand, WorkflowRunState } from './record-workflow-run.command.js';
import { RecordWorkflowRunHandler } from './record-workflow-run.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const STARTED_AT = '2026-01-01T00:00:00Z';
const ENDED_AT = '2026-01-01T00:05:00Z';
/** As the engine tells them: every event of a started run says when it started (null: it never started). */
const run = (state: WorkflowRunState, at: string, startedAt: string | null = STARTED_AT): RecordWorkflowRunCommand => ({
  projectId: PROJECT,
  runId: 'run-1',
  workflowId: 'wf-1',
  workflowVersion: 2,
  state,
  at,
  ...(startedAt !== null && { startedAt }),
});
const queued = (ports: LineageFakes) => ports.deliveries.rows.map(({ event }) => [event.eventType, event.eventTime]);

function arrange(forwarding = true) {
  const ports = fakeLineagePorts(forwarding);
  return { ports, handler: new RecordWorkflowRunHandler(ports.transaction, ports.graph, ports.forwarding) };
}

describe('RecordWorkflowRunHandler', () => {
  it('records the run with its workflow, its start and, once it ends, its end', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('running', STARTED_AT));
    await handler.execute(run('succeeded', ENDED_AT));

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
    await handler.execute(run('running', STARTED_AT));
    await handler.execute(run('failed', ENDED_AT));

    await handler.execute(run('running', STARTED_AT));

    const node = await ports.graph.find({ type: 'workflow-run', id: 'run-1' });
    expect(node?.facets.status).toEqual({ state: 'failed', at: '2026-01-01T00:05:00Z' });
    expect(ports.transaction.runs).toBe(3);
  });

  it('queues the OpenLineage START and, once the run ends, its COMPLETE or FAIL, once each', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('running', STARTED_AT));
    await handler.execute(run('failed', ENDED_AT));
    await handler.execute(run('running', STARTED_AT));

    expect(ports.deliveries.rows.map(({ event }) => [event.eventType, event.eventTime, event.run.runId])).toEqual([
      ['START', '2026-01-01T00:00:00Z', 'run-1'],
      ['FAIL', '2026-01-01T00:05:00Z', 'run-1'],
    ]);
    expect(ports.deliveries.rows[0].event.job.name).toBe('workflows/wf-1');
  });

  it('records the start an end tells of when the end comes first, and queues its START ahead of the end', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('succeeded', ENDED_AT));

    expect((await ports.graph.find({ type: 'workflow-run', id: 'run-1' }))?.facets).toEqual({
      workflow: { id: 'wf-1', version: 2 },
      started: { at: STARTED_AT },
      status: { state: 'succeeded', at: ENDED_AT },
    });
    expect(queued(ports)).toEqual([
      ['START', STARTED_AT],
      ['COMPLETE', ENDED_AT],
    ]);
  });

  it('queues a lone ABORT for a run cancelled before it started', async () => {
    const { ports, handler } = arrange();

    await handler.execute(run('cancelled', ENDED_AT, null));

    expect((await ports.graph.find({ type: 'workflow-run', id: 'run-1' }))?.facets).toEqual({
      workflow: { id: 'wf-1', version: 2 },
      status: { state: 'cancelled', at: ENDED_AT },
    });
    expect(queued(ports)).toEqual([['ABORT', ENDED_AT]]);
  });

  it('ends as in-order arrival does, whatever order and however often the start and the end come', async () => {
    const deliveries = fc
      .record({
        end: fc.constantFrom<WorkflowRunState>('succeeded', 'failed', 'cancelled'),
        starts: fc.integer({ min: 1, max: 3 }),
        ends: fc.integer({ min: 1, max: 3 }),
      })
      .chain(({ end, starts, ends }) => {
        const all = [...Array<WorkflowRunState>(starts).fill('running'), ...Array<WorkflowRunState>(ends).fill(end)];
        return fc.tuple(fc.constant(end), fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));
      });
    await fc.assert(
      fc.asyncProperty(deliveries, async ([end, order]) => {
        const inOrder = arrange();
        await inOrder.handler.execute(run('running', STARTED_AT));
        await inOrder.handler.execute(run(end, ENDED_AT));
        const { ports, handler } = arrange();

        for (const state of order) await handler.execute(run(state, state === 'running' ? STARTED_AT : ENDED_AT));

        const node = { type: 'workflow-run', id: 'run-1' } as const;
        expect(await ports.graph.find(node)).toEqual(await inOrder.ports.graph.find(node));
        expect(queued(ports)).toEqual(queued(inOrder.ports));
        expect(queued(ports)[0]).toEqual(['START', STARTED_AT]);
      }),
    );
  });

  it('queues nothing when forwarding is off', async () => {
    const { ports, handler } = arrange(false);

    await handler.execute(run('running', STARTED_AT));
    await handler.execute(run('succeeded', ENDED_AT));

    expect(ports.deliveries.rows).toEqual([]);
  });
});
