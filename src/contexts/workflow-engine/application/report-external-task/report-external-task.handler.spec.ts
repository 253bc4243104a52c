import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { LeaseLost, StaleAttempt } from '../../domain/errors.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  startAttempt,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ReportExternalTaskHandler } from './report-external-task.handler.js';

const document = { name: 'train', tasks: [{ id: 'fit', type: 'noop', queue: 'gpu' }] };

/** A run whose `fit` task a worker leased for 30 seconds and runs at attempt 1. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, document));
  ports.leases.offer({ id: 'task-run-1', runId, key: 'fit', attempt: 1 }, 'project-1', 'gpu');
  const lease = await ports.leases.reserve({ projectId: 'project-1', queue: 'gpu', workerId: 'w', leaseSeconds: 30 });
  await startAttempt(ports, dispatches[0]);
  const handler = new ReportExternalTaskHandler(ports.leases, engineServices(ports).attempts, ports.logs);
  return { ports, runId, leaseToken: lease?.leaseToken ?? '', handler };
}

describe('ReportExternalTaskHandler', () => {
  it("extends the lease on a heartbeat and answers the lease's new end", async () => {
    const { ports, leaseToken, handler } = await arrange();
    ports.clock.advance(20_000);
    const end = await handler.execute({ taskRunId: 'task-run-1', leaseToken, report: { kind: 'heartbeat' } });
    expect(end).toEqual(new Date(ports.clock.now().getTime() + 30_000));
  });

  it("appends log lines to the attempt's log, and leaves the lease held", async () => {
    const { ports, runId, leaseToken, handler } = await arrange();
    const report = { kind: 'log' as const, lines: ['epoch 1', 'epoch 2'] };
    expect(await handler.execute({ taskRunId: 'task-run-1', leaseToken, report })).toBeUndefined();
    const page = await ports.logs.page({ runId, key: 'fit', limit: 10 });
    expect(page.items.map(({ attempt, line }) => [attempt, line])).toEqual([
      [1, 'epoch 1'],
      [1, 'epoch 2'],
    ]);
    expect(ports.leases.rows[0].settled).toBe(false);
  });

  it('completes the task with its outputs and settles the lease', async () => {
    const { ports, runId, leaseToken, handler } = await arrange();
    await handler.execute({ taskRunId: 'task-run-1', leaseToken, report: { kind: 'complete', outputs: { auc: 0.9 } } });
    expect(await runState(ports, runId)).toBe('succeeded');
    expect((await ports.runs.findById(runId))?.taskRun('fit').outputs).toEqual({ auc: 0.9 });
    expect(ports.leases.rows[0].settled).toBe(true);
  });

  it('fails the task and settles the lease', async () => {
    const { ports, runId, leaseToken, handler } = await arrange();
    await handler.execute({ taskRunId: 'task-run-1', leaseToken, report: { kind: 'fail', error: 'CUDA error' } });
    expect(await taskStates(ports, runId)).toEqual({ fit: 'failed' });
    expect(ports.leases.rows[0].settled).toBe(true);
  });

  it('refuses every report under a lease that ran out or is not held, and changes nothing', async () => {
    const { ports, runId, leaseToken, handler } = await arrange();
    const complete = { kind: 'complete' as const, outputs: {} };
    const wrongToken = handler.execute({ taskRunId: 'task-run-1', leaseToken: 'stolen', report: complete });
    await expect(wrongToken).rejects.toBeInstanceOf(LeaseLost);
    ports.clock.advance(30_000);
    const late = handler.execute({ taskRunId: 'task-run-1', leaseToken, report: { kind: 'heartbeat' } });
    await expect(late).rejects.toBeInstanceOf(LeaseLost);
    const unknown = handler.execute({ taskRunId: 'no-such-task', leaseToken, report: complete });
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    expect(await taskStates(ports, runId)).toEqual({ fit: 'running' });
  });

  it('refuses the report of an attempt that a takeover moved on, though the lease still holds', async () => {
    const { ports, runId, leaseToken, handler } = await arrange();
    const run = await ports.runs.findForUpdate(runId);
    run?.reassignTask('fit', ports.clock.now());
    if (run) await ports.runs.save(run);
    const report = handler.execute({ taskRunId: 'task-run-1', leaseToken, report: { kind: 'complete', outputs: {} } });
    await expect(report).rejects.toBeInstanceOf(StaleAttempt);
    expect(ports.leases.rows[0].settled).toBe(false);
  });
});
