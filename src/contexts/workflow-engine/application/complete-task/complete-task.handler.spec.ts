import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
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
import { CompleteTaskHandler } from './complete-task.handler.js';

const document = {
  name: 'train',
  tasks: [
    { id: 'a', type: 'noop', cache: { ttlSeconds: 600 } },
    { id: 'b', type: 'noop', dependsOn: ['a'], params: { n: '${{ tasks.a.outputs.n }}' } },
  ],
};

/** A run whose task `a` runs attempt 1. */
async function arrange() {
  const ports = fakeEnginePorts();
  const { runId, dispatches } = await aStartedRun(ports, await aWorkflow(ports, document));
  await startAttempt(ports, dispatches[0]);
  return { ports, runId, handler: new CompleteTaskHandler(engineServices(ports).attempts) };
}

describe('CompleteTaskHandler', () => {
  it('records the outputs and enqueues what they unblock, with the outputs in its params', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, outputs: { n: 7 }, logged: false });
    expect(await taskStates(ports, runId)).toEqual({ a: 'succeeded', b: 'queued' });
    expect(ports.queue.enqueued.at(-1)).toMatchObject({ key: 'b', attempt: 1, input: { n: 7 } });
    expect(ports.runs.eventsOf(runId)).toEqual(['task-succeeded']);
    expect(ports.runs.logs).toEqual([]);
  });

  it("stores a cached task's outputs under its key for its time to live", async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, outputs: { n: 7 }, logged: false });
    expect([...ports.cache.entries.values()]).toEqual([{ outputs: { n: 7 }, ttlSeconds: 600 }]);
  });

  it('writes the outcome line to the task log with the change when asked', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, outputs: {}, logged: true });
    expect(ports.runs.logs).toEqual([{ key: 'a', attempt: 1, lines: ['succeeded'] }]);
  });

  it('records a start it was handed with the outcome: one save, the start line before the outcome line', async () => {
    const ports = fakeEnginePorts();
    const { runId } = await aStartedRun(ports, await aWorkflow(ports, document));
    const handler = new CompleteTaskHandler(engineServices(ports).attempts);
    const saves = ports.runs.saves;
    const startedAt = new Date(ports.clock.now().getTime() - 5);
    await handler.execute({ attempt: { runId, key: 'a', attempt: 1 }, outputs: { n: 7 }, logged: true, startedAt });
    expect(ports.runs.saves).toBe(saves + 1);
    expect(await taskStates(ports, runId)).toEqual({ a: 'succeeded', b: 'queued' });
    const run = await ports.runs.findById(runId);
    expect(
      run
        ?.taskRun('a')
        .toSnapshot()
        .transitions.map(({ to, at }) => [to, at]),
    ).toEqual([
      ['queued', expect.any(Date)],
      ['running', startedAt],
      ['succeeded', ports.clock.now()],
    ]);
    expect(ports.runs.logs).toEqual([
      { key: 'a', attempt: 1, lines: ['started noop task, attempt 1'] },
      { key: 'a', attempt: 1, lines: ['succeeded'] },
    ]);
  });

  it('refuses an outcome with an unrecorded start for an attempt the task moved past, and changes nothing', async () => {
    const ports = fakeEnginePorts();
    const { runId } = await aStartedRun(ports, await aWorkflow(ports, document));
    const attempts = engineServices(ports).attempts;
    await attempts.start({ runId, key: 'a', attempt: 1 }, { delivery: 'again' });
    const saves = ports.runs.saves;
    const report = attempts.complete({ runId, key: 'a', attempt: 1 }, {}, { startedAt: ports.clock.now() });
    await expect(report).rejects.toBeInstanceOf(StaleAttempt);
    expect(ports.runs.saves).toBe(saves);
  });

  it('refuses a report for any attempt but the current one, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 50 }).filter((attempt) => attempt !== 1),
        async (attempt) => {
          const { ports, runId, handler } = await arrange();
          const saves = ports.runs.saves;
          const report = handler.execute({ attempt: { runId, key: 'a', attempt }, outputs: {}, logged: true });
          await expect(report).rejects.toBeInstanceOf(StaleAttempt);
          expect(ports.runs.saves).toBe(saves);
          expect(ports.cache.entries.size).toBe(0);
          expect(await runState(ports, runId)).toBe('running');
        },
      ),
      { numRuns: 25 },
    );
  });
});
