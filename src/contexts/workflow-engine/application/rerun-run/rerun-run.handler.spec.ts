import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ConcurrencyLimitReached, RerunNotPossible } from '../../domain/errors.js';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import {
  aStartedRun,
  aWorkflow,
  cancelledRun,
  startAttempt,
  taskStates,
  twoTaskChain,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { RerunRunHandler } from './rerun-run.handler.js';

/** A run whose task `a` succeeded and `b` failed for good, so the run failed. */
async function arrange(extra: Partial<DefinitionDocument> = {}) {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, { ...twoTaskChain, ...extra }), {
    params: { seed: 1 },
  });
  const { attempts } = engineServices(ports);
  await startAttempt(ports, dispatches[0]);
  await attempts.complete({ runId, key: 'a', attempt: 1 }, { n: 1 });
  await startAttempt(ports, ports.queue.enqueued.at(-1) ?? dispatches[0]);
  await attempts.fail({ runId, key: 'b', attempt: 1 }, 'boom', { retryable: false });
  ports.runs.events.length = 0;
  const { admission } = engineServices(ports);
  return { ports, runId, handler: new RerunRunHandler(ports.runs, admission, ports.clock) };
}

describe('RerunRunHandler', () => {
  it('starts a new run of the same version and params for the asker, and leaves the old one as it was', async () => {
    const { ports, runId, handler } = await arrange();
    const rerunId = await handler.execute({ runId, actorId: 'user-2' });
    expect(rerunId).not.toBe(runId);
    const rerun = await ports.runs.findById(rerunId);
    expect(rerun).toMatchObject({ state: 'running', params: { seed: 1 }, actorId: 'user-2' });
    expect(rerun?.toSnapshot().rerunOf).toBe(runId);
    expect(await taskStates(ports, rerunId)).toEqual({ a: 'queued', b: 'pending' });
    expect(await taskStates(ports, runId)).toEqual({ a: 'succeeded', b: 'failed' });
    expect(ports.queue.enqueued.at(-1)).toMatchObject({ runId: rerunId, key: 'a' });
    expect(ports.runs.eventsOf(rerunId)).toEqual(['run-started']);
  });

  it('reuses what is upstream of the task it reruns from', async () => {
    const { ports, runId, handler } = await arrange();
    const rerunId = await handler.execute({ runId, fromTask: 'b' });
    expect(await taskStates(ports, rerunId)).toEqual({ a: 'succeeded', b: 'queued' });
    expect((await ports.runs.findById(rerunId))?.taskRun('a').outputs).toEqual({ n: 1 });
  });

  it('refuses a rerun from a task whose upstream did not succeed', async () => {
    const ports = fakeEnginePorts();
    const { runId } = await aStartedRun(ports, await aWorkflow(ports, twoTaskChain));
    await cancelledRun(ports, runId);
    const handler = new RerunRunHandler(ports.runs, engineServices(ports).admission, ports.clock);
    await expect(handler.execute({ runId, fromTask: 'b' })).rejects.toBeInstanceOf(RerunNotPossible);
  });

  it("counts against the workflow's concurrency limit like any new run", async () => {
    const { ports, runId, handler } = await arrange({ concurrency: { limit: 1, policy: 'skip' } });
    await handler.execute({ runId });
    const rows = ports.runs.rows.size;
    await expect(handler.execute({ runId })).rejects.toBeInstanceOf(ConcurrencyLimitReached);
    expect(ports.runs.rows.size).toBe(rows);
  });

  it('refuses a run that does not exist as not found', async () => {
    const { handler } = await arrange();
    await expect(handler.execute({ runId: 'no-such-run' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
