import { describe, expect, it } from '@jest/globals';
import type { Schemas } from '../api/client';
import { canRerunFrom, canRetry, controlsOf } from './run-controls';

type TaskRun = Schemas['TaskRunResponse'];

const taskRun = (state: TaskRun['state'], itemIndex?: number): TaskRun => ({
  key: itemIndex === undefined ? 'train' : `train[${itemIndex}]`,
  taskId: 'train',
  itemIndex,
  state,
  attempt: 1,
});

describe("a run's controls", () => {
  it('offer what the run state machine allows from each state', () => {
    expect(controlsOf('queued')).toEqual(['cancel']);
    expect(controlsOf('running')).toEqual(['pause', 'cancel']);
    expect(controlsOf('paused')).toEqual(['resume', 'cancel']);
    for (const state of ['succeeded', 'failed', 'cancelled'] as const) expect(controlsOf(state)).toEqual(['rerun']);
  });

  it('retry a failed task while its run runs or has failed, and nothing else', () => {
    expect(canRetry('running', taskRun('failed'))).toBe(true);
    expect(canRetry('failed', taskRun('failed'))).toBe(true);
    expect(canRetry('paused', taskRun('failed'))).toBe(false);
    expect(canRetry('cancelled', taskRun('failed'))).toBe(false);
    expect(canRetry('failed', taskRun('upstream_failed'))).toBe(false);
  });

  it('rerun a finished run from a task, not from one item of a fan-out', () => {
    expect(canRerunFrom('failed', taskRun('succeeded'))).toBe(true);
    expect(canRerunFrom('running', taskRun('succeeded'))).toBe(false);
    expect(canRerunFrom('succeeded', taskRun('succeeded', 2))).toBe(false);
  });
});
