import { describe, expect, it } from '@jest/globals';
import { aStartedRun, aWorkflow, startAttempt } from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ReconcileRunsHandler } from './reconcile-runs.handler.js';

const document = {
  name: 'train',
  tasks: [
    { id: 'queued', type: 'noop' },
    { id: 'running', type: 'noop' },
    { id: 'retrying', type: 'noop', retries: { max: 1, backoff: 'fixed' as const, delayMs: 60_000 } },
  ],
};

/** A run with one task run queued, one running, and one waiting 60 s for its retry. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, document));
  const [, running, retrying] = dispatches;
  await startAttempt(ports, running);
  await startAttempt(ports, retrying);
  const { changes, attempts } = engineServices(ports);
  await attempts.fail({ runId, key: 'retrying', attempt: 1 }, 'flaky');
  ports.queue.enqueued.length = 0;
  return { ports, runId, handler: new ReconcileRunsHandler(ports.queries, ports.queue, changes) };
}

describe('ReconcileRunsHandler', () => {
  it('leaves alone every task run that still has its job', async () => {
    const { ports, handler } = await arrange();
    expect(await handler.execute({})).toEqual({ requeued: 0, reassigned: 0 });
    expect(ports.queue.enqueued).toEqual([]);
  });

  it('gives queued and retrying task runs their job again under the same attempt, a retry when it is due', async () => {
    const { ports, runId, handler } = await arrange();
    ports.queue.loseJobs();
    ports.clock.advance(20_000);
    expect(await handler.execute({})).toEqual({ requeued: 2, reassigned: 1 });
    const byKey = Object.fromEntries(ports.queue.enqueued.map((dispatch) => [dispatch.key, dispatch]));
    expect(byKey.queued).toMatchObject({ runId, attempt: 1, delayMs: 0 });
    expect(byKey.retrying).toMatchObject({ attempt: 2, delayMs: 40_000 });
  });

  it('moves a running task run whose job is gone to a new attempt, fencing out whoever ran the old one', async () => {
    const { ports, runId, handler } = await arrange();
    ports.queue.loseJobs();
    await handler.execute({});
    expect((await ports.runs.findById(runId))?.taskRun('running')).toMatchObject({ state: 'queued', attempt: 2 });
    expect(ports.queue.enqueued.find((dispatch) => dispatch.key === 'running')?.attempt).toBe(2);
  });

  it('finds nothing to do the second time round', async () => {
    const { ports, handler } = await arrange();
    ports.queue.loseJobs();
    await handler.execute({});
    const enqueued = ports.queue.enqueued.length;
    expect(await handler.execute({})).toEqual({ requeued: 0, reassigned: 0 });
    expect(ports.queue.enqueued.length).toBe(enqueued);
  });
});
