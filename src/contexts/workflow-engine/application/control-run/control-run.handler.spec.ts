import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import fc from 'fast-check';
import { IllegalTransition } from '../../domain/errors.js';
import type { RunState } from '../../domain/run/run-state.js';
import {
  aStartedRun,
  aWorkflow,
  runState,
  taskStates,
  twoTaskChain,
} from '../../../../../test/support/workflow-engine/engine-objects.js';
import { engineServices } from '../../../../../test/support/workflow-engine/engine-services.js';
import { fakeEnginePorts } from '../../../../../test/support/workflow-engine/fake-ports.js';
import type { RunControl } from './control-run.command.js';
import { ControlRunHandler } from './control-run.handler.js';

async function arrange() {
  const ports = fakeEnginePorts();
  const { runId } = await aStartedRun(ports, await aWorkflow(ports, twoTaskChain));
  return { ports, runId, handler: new ControlRunHandler(engineServices(ports).controls) };
}

/** Where each action may take a run from, and where it leads: the run's state machine as a table. */
const MOVES: Record<RunControl, Partial<Record<RunState, RunState>>> = {
  cancel: { queued: 'cancelled', running: 'cancelled', paused: 'cancelled' },
  pause: { running: 'paused' },
  resume: { paused: 'running' },
};

describe('ControlRunHandler', () => {
  it('cancels a run with its task runs, keeps the reason, and publishes the cancellation', async () => {
    const { ports, runId, handler } = await arrange();
    await handler.execute({ runId, action: 'cancel', reason: 'not needed any more' });
    expect(await runState(ports, runId)).toBe('cancelled');
    expect(await taskStates(ports, runId)).toEqual({ a: 'cancelled', b: 'cancelled' });
    expect(ports.runs.events).toEqual([
      expect.objectContaining({ name: 'run-cancelled', reason: 'not needed any more' }),
    ]);
  });

  it('enqueues nothing on pause, and on resume what the run may go on with', async () => {
    const { ports, runId, handler } = await arrange();
    const before = ports.queue.enqueued.length;
    await handler.execute({ runId, action: 'pause', reason: 'cancelled by request' });
    expect(ports.queue.enqueued.length).toBe(before);
    await handler.execute({ runId, action: 'resume', reason: 'cancelled by request' });
    expect(await runState(ports, runId)).toBe('running');
  });

  it('moves a run as its state machine allows, and refuses every other move with IllegalTransition', async () => {
    const actions = fc.array(fc.constantFrom<RunControl>('cancel', 'pause', 'resume'), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(actions, async (sequence) => {
        const { ports, runId, handler } = await arrange();
        let expected: RunState = 'running';
        for (const action of sequence) {
          const next: RunState | undefined = MOVES[action][expected];
          const outcome = handler.execute({ runId, action, reason: 'cancelled by request' });
          if (next === undefined) await expect(outcome).rejects.toBeInstanceOf(IllegalTransition);
          else await outcome;
          expected = next ?? expected;
          expect(await runState(ports, runId)).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a run that does not exist as not found', async () => {
    const { handler } = await arrange();
    await expect(handler.execute({ runId: 'no-such-run', action: 'cancel', reason: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
