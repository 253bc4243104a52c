import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { IllegalTransition } from '../../domain/errors.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  startAttempt,
  taskStates,
  twoTaskChain,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { RetryTaskHandler } from './retry-task.handler.js';

/** A run whose task `a` failed for good, so that `b` never ran and the run failed. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, twoTaskChain));
  await startAttempt(ports, dispatches[0]);
  const run = await ports.runs.findForUpdate(runId);
  run?.failTask('a', 1, 'boom', ports.clock.now(), 0.5, false);
  if (run) await ports.runs.save(run);
  ports.runs.events.length = 0;
  return { ports, runId, handler: new RetryTaskHandler(engineServices(ports).changes) };
}

describe('RetryTaskHandler', () => {
  it('runs a failed task again under a new attempt, and its run with it', async () => {
    const { ports, runId, handler } = await arrange();
    expect(await runState(ports, runId)).toBe('failed');
    await handler.execute({ runId, key: 'a' });
    expect(await runState(ports, runId)).toBe('running');
    expect(await taskStates(ports, runId)).toEqual({ a: 'queued', b: 'pending' });
    expect(ports.queue.keys().at(-1)).toBe('a#2');
  });

  it('refuses a task that has not failed', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ runId, key: 'a' });
    const enqueued = ports.queue.enqueued.length;
    await expect(handler.execute({ runId, key: 'a' })).rejects.toBeInstanceOf(IllegalTransition);
    expect(ports.queue.enqueued.length).toBe(enqueued);
  });

  it('refuses an unknown task and an unknown run as not found', async () => {
    const { runId, handler } = await arrange();
    await expect(handler.execute({ runId, key: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(handler.execute({ runId: 'no-such-run', key: 'a' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
