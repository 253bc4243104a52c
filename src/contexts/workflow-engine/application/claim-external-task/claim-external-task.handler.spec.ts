import { describe, expect, it } from '@jest/globals';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import {
  aStartedRun,
  aWorkflow,
  cancelledRun,
  startAttempt,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { ClaimExternalTaskHandler } from './claim-external-task.handler.js';

const document: DefinitionDocument = {
  name: 'train',
  tasks: [
    { id: 'prep', type: 'noop' },
    { id: 'fit', type: 'noop', queue: 'gpu', dependsOn: ['prep'], params: { lr: 0.1 }, cache: { ttlSeconds: 60 } },
  ],
};

const request = { projectId: 'project-1', queue: 'gpu', workerId: 'worker-1', waitMs: 0, leaseSeconds: 30 };

/** A run whose `fit` task waits on the gpu queue at attempt 1, with its lease row offered. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, document));
  await startAttempt(ports, dispatches[0]);
  await engineServices(ports).attempts.complete({ runId, key: 'prep', attempt: 1 }, { rows: 10 });
  ports.leases.offer({ id: 'task-run-1', runId, key: 'fit', attempt: 1 }, 'project-1', 'gpu');
  const { changes } = engineServices(ports);
  return { ports, runId, handler: new ClaimExternalTaskHandler(ports.leases, changes, ports.offers, ports.cache) };
}

describe('ClaimExternalTaskHandler', () => {
  it('leases the task, starts its attempt and answers what to work on with the lease token', async () => {
    const { ports, runId, handler } = await arrange();
    const claim = await handler.execute(request);
    expect(claim).toEqual({
      taskRunId: 'task-run-1',
      runId,
      taskId: 'fit',
      attempt: 1,
      leaseToken: 'token-1',
      leaseExpiresAt: new Date(ports.clock.now().getTime() + 30_000),
      params: { lr: 0.1 },
      inputs: { prep: { rows: 10 } },
    });
    expect(await taskStates(ports, runId)).toEqual({ prep: 'succeeded', fit: 'running' });
  });

  it('answers nothing at once when no task waits and the wait is over', async () => {
    const ports = fakeEnginePorts();
    const handler = new ClaimExternalTaskHandler(
      ports.leases,
      engineServices(ports).changes,
      ports.offers,
      ports.cache,
    );
    expect(await handler.execute(request)).toBeUndefined();
    expect(ports.offers.waits).toBe(0);
  });

  it('stops waiting when the process shuts down', async () => {
    const ports = fakeEnginePorts();
    const handler = new ClaimExternalTaskHandler(
      ports.leases,
      engineServices(ports).changes,
      ports.offers,
      ports.cache,
    );
    ports.offers.shutDown();
    expect(await handler.execute({ ...request, waitMs: 60_000 })).toBeUndefined();
    expect(ports.offers.waits).toBe(1);
  });

  it('settles a stale row (the run ended) and answers the next claimable task, or nothing', async () => {
    const { ports, runId, handler } = await arrange();
    await cancelledRun(ports, runId);
    expect(await handler.execute(request)).toBeUndefined();
    expect(ports.leases.rows[0].settled).toBe(true);
  });

  it('settles a cache hit without handing it out, and completes the task with the cached outputs', async () => {
    const { ports, runId, handler } = await arrange();
    const cacheKey = (await ports.runs.findById(runId))?.currentDispatch('fit').cache?.key ?? '';
    await ports.cache.store('project-1', cacheKey, { loss: 0.2 }, 60);
    expect(await handler.execute(request)).toBeUndefined();
    expect(await taskStates(ports, runId)).toEqual({ prep: 'succeeded', fit: 'succeeded' });
    expect(ports.leases.rows[0].settled).toBe(true);
  });

  it('takes over a task whose lease ran out under a new attempt, which fences out the first worker', async () => {
    const { ports, runId, handler } = await arrange();
    const first = await handler.execute(request);
    ports.clock.advance(31_000);
    const second = await handler.execute({ ...request, workerId: 'worker-2' });
    expect(second).toMatchObject({ taskRunId: 'task-run-1', attempt: 2, leaseToken: 'token-2' });
    expect(first?.attempt).toBe(1);
    expect((await ports.runs.findById(runId))?.taskRun('fit')).toMatchObject({ state: 'running', attempt: 2 });
    expect(ports.leases.rows[0].attempt).toBe(2);
  });
});
