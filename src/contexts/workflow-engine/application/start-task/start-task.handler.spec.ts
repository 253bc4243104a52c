import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { waitFor } from '@libs/testing';
import {
  aStartedRun,
  aWorkflow,
  cancelledRun,
  startAttempt,
  taskStates,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import type { RunChange } from '../services/run-changes.js';
import type { TaskExecution } from '../services/task-attempts.js';
import { StartTaskHandler } from './start-task.handler.js';

const document = {
  name: 'train',
  tasks: [
    { id: 'a', type: 'noop', params: { epochs: 3 }, cache: { key: 'a-v1', ttlSeconds: 60 } },
    { id: 'b', type: 'noop', dependsOn: ['a'] },
  ],
};

async function arrange() {
  const ports = fakeEnginePorts();
  const run = await aStartedRun(ports, await aWorkflow(ports, document), { actorId: 'user-1' });
  return { ports, ...run, handler: new StartTaskHandler(engineServices(ports).attempts) };
}

describe('StartTaskHandler', () => {
  it('marks the attempt running and answers what to execute, for whom, and logs the start when asked', async () => {
    const { ports, runId, workflowId, handler } = await arrange();
    const execution = await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, logged: true });
    expect(execution).toMatchObject({ workflowId, projectId: 'project-1', actorId: 'user-1' });
    expect(execution?.dispatch).toMatchObject({ key: 'a', attempt: 1, type: 'noop', input: { epochs: 3 } });
    expect(await taskStates(ports, runId)).toEqual({ a: 'running', b: 'pending' });
    expect(ports.runs.logs).toEqual([{ key: 'a', attempt: 1, lines: ['started noop task, attempt 1'] }]);
    // Losing a start in a crash only runs the attempt again: its commit need not wait for the flush.
    expect(ports.runs.unflushedSaves).toBe(1);
  });

  it('settles a cache hit without executing it, and enqueues what it unblocks', async () => {
    const { ports, runId, dispatches, handler } = await arrange();
    const cacheKey = dispatches[0].cache?.key ?? '';
    await ports.cache.store('project-1', cacheKey, { loss: 0.1 }, 60);
    expect(await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, logged: true })).toBeUndefined();
    expect(await taskStates(ports, runId)).toEqual({ a: 'succeeded', b: 'queued' });
    expect(ports.queue.keys().at(-1)).toBe('b#1');
    expect(ports.runs.unflushedSaves).toBe(0);
  });

  it('answers nothing and changes nothing for a stale attempt or a finished run', async () => {
    const { ports, runId, handler } = await arrange();
    expect(await handler.execute({ attempt: { runId, key: 'a', attempt: 2 }, logged: true })).toBeUndefined();
    expect(ports.runs.saves).toBe(0);
    await cancelledRun(ports, runId);
    const saves = ports.runs.saves;
    expect(await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, logged: true })).toBeUndefined();
    expect(ports.runs.saves).toBe(saves);
  });

  it('moves a redelivered running attempt to a new one, which fences out the old worker', async () => {
    const { ports, runId, dispatches, handler } = await arrange();
    await startAttempt(ports, dispatches[0]);
    expect(await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, logged: false })).toBeUndefined();
    const run = await ports.runs.findById(runId);
    expect(run?.taskRun('a')).toMatchObject({ state: 'queued', attempt: 2 });
    expect(ports.queue.keys().at(-1)).toBe('a#2');
  });

  it('on a first delivery of a task without a cache, records nothing and answers when the attempt began', async () => {
    const { ports, runId, handler } = await arrange();
    // a has a cache, looked up when it starts: its start is recorded before it executes, as ever.
    await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, logged: true, delivery: 'first' });
    expect(await taskStates(ports, runId)).toEqual({ a: 'running', b: 'pending' });
    await engineServices(ports).attempts.complete({ runId, key: 'a', attempt: 1 }, {});
    const saves = ports.runs.saves;
    const attempt = { runId, key: 'b', attempt: 1 };
    const execution = await handler.execute({ attempt, logged: true, delivery: 'first' });
    expect(execution?.dispatch).toMatchObject({ key: 'b', attempt: 1, type: 'noop' });
    expect(execution?.startedAt).toEqual(ports.clock.now());
    expect(ports.runs.saves).toBe(saves);
    expect(await taskStates(ports, runId)).toEqual({ a: 'succeeded', b: 'queued' });
  });

  it('on a first delivery, answers while a change of the run is in flight, without waiting for it', async () => {
    const ports = fakeEnginePorts();
    const { runId } = await aStartedRun(ports, await aWorkflow(ports, { name: 'w', tasks: [{ id: 'a', type: 'noop' }] }));
    const services = engineServices(ports);
    let release: (() => void) | undefined;
    const inFlight = services.changes.apply(runId, async (): Promise<RunChange<string>> => {
      await new Promise<void>((resolve) => (release = resolve));
      return { dispatches: [], value: 'done', unchanged: true };
    });
    await waitFor(() => release !== undefined, { what: 'the change to be in flight' });
    const answered: TaskExecution[] = [];
    const start = new StartTaskHandler(services.attempts).execute({
      attempt: { runId, key: 'a', attempt: 1 },
      logged: true,
      delivery: 'first',
    });
    void start.then((execution) => execution && answered.push(execution));
    await waitFor(() => answered.length > 0, { what: 'the start to answer before the change in flight ends' });
    expect(answered[0].dispatch).toMatchObject({ key: 'a', attempt: 1, type: 'noop' });
    expect(answered[0].startedAt).toEqual(ports.clock.now());
    release?.();
    expect(await inFlight).toBe('done');
  });

  it('on a delivery again of an attempt whose start was never recorded, moves the task to a new attempt', async () => {
    const { ports, runId, handler } = await arrange();
    const attempt = { runId, key: 'a', attempt: 1 };
    expect(await handler.execute({ attempt, logged: false, delivery: 'again' })).toBeUndefined();
    const run = await ports.runs.findById(runId);
    expect(run?.taskRun('a')).toMatchObject({ state: 'queued', attempt: 2 });
    expect(ports.queue.keys().at(-1)).toBe('a#2');
  });

  it('refuses a run that does not exist as not found', async () => {
    const { handler } = await arrange();
    const start = handler.execute({ attempt: { runId: 'no-such-run', key: 'a', attempt: 1 }, logged: false });
    await expect(start).rejects.toBeInstanceOf(NotFoundError);
  });
});
