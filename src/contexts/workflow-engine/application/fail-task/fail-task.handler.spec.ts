import { describe, expect, it } from '@jest/globals';
import { StaleAttempt } from '../../domain/errors.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  startAttempt,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import { FailTaskHandler } from './fail-task.handler.js';

const retries = { max: 1, backoff: 'fixed' as const, delayMs: 5_000 };
const document = {
  name: 'train',
  tasks: [
    { id: 'a', type: 'noop', retries },
    { id: 'b', type: 'noop', dependsOn: ['a'] },
  ],
};

/** A run whose task `a` (one retry allowed) runs attempt 1. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, document));
  await startAttempt(ports, dispatches[0]);
  return { ports, runId, handler: new FailTaskHandler(engineServices(ports).attempts) };
}

const failure = (runId: string, attempt: number, retryable = true) => ({
  attempt: { runId, key: 'a', attempt },
  error: 'boom',
  logged: false,
  retryable,
});

describe('FailTaskHandler', () => {
  it('enqueues the next attempt after its backoff while retries are left', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute(failure(runId, 1));
    expect(await taskStates(ports, runId)).toEqual({ a: 'retrying', b: 'pending' });
    expect(ports.queue.enqueued.at(-1)).toMatchObject({ key: 'a', attempt: 2, delayMs: 5_000 });
    expect(ports.runs.eventsOf(runId)).toEqual([]);
  });

  it('fails the task, what depends on it and the run once no retry is left', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute(failure(runId, 1));
    await startAttempt(ports, { ...ports.queue.enqueued.at(-1)! });
    await handler.execute(failure(runId, 2));
    expect(await taskStates(ports, runId)).toEqual({ a: 'failed', b: 'upstream_failed' });
    expect(await runState(ports, runId)).toBe('failed');
    expect(ports.runs.eventsOf(runId)).toEqual(['task-failed', 'run-failed']);
  });

  it('does not retry a failure that is not retryable', async () => {
    const { ports, runId, handler } = await arrange();
    const enqueued = ports.queue.enqueued.length;
    await handler.execute(failure(runId, 1, false));
    expect(await runState(ports, runId)).toBe('failed');
    expect(ports.queue.enqueued.length).toBe(enqueued);
  });

  it('keeps at most 4000 characters of the error, and logs the outcome when asked', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ ...failure(runId, 1, false), error: 'x'.repeat(5000), logged: true });
    const run = await ports.runs.findById(runId);
    expect(run?.taskRun('a').error).toHaveLength(4000);
    expect(ports.runs.logs).toEqual([{ key: 'a', attempt: 1, lines: [`failed: ${'x'.repeat(4000)}`], level: 'error' }]);
  });

  it('refuses a stale attempt and changes nothing', async () => {
    const { ports, runId, handler } = await arrange();
    await expect(handler.execute(failure(runId, 2))).rejects.toBeInstanceOf(StaleAttempt);
    expect(await taskStates(ports, runId)).toEqual({ a: 'running', b: 'pending' });
  });
});
